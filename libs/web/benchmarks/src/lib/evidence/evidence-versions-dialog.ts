import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { EvidenceChange, EvidenceDto, EvidenceVersionDto } from '@bt/contracts';
import { of } from 'rxjs';
import { DisplayDatePipe, fileSize, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { EvidenceApi, evidenceFileUrl } from './evidence-api';
import { visibilityLabel } from './evidence-visibility';
import { type DiffPart, narrativeDiff } from './narrative-diff';

export interface EvidenceVersionsDialogData {
  readonly item: EvidenceDto;
}

const CHANGE_LABELS: Record<EvidenceChange, string> = {
  created: $localize`:What an evidence version changed@@evidence.change.created:created`,
  title: $localize`:What an evidence version changed@@evidence.change.title:title`,
  narrative: $localize`:What an evidence version changed@@evidence.change.narrative:narrative`,
  visibility: $localize`:What an evidence version changed@@evidence.change.visibility:visibility`,
  period: $localize`:What an evidence version changed@@evidence.change.period:period`,
  subRequirements: $localize`:What an evidence version changed@@evidence.change.subRequirements:sub-requirements`,
  links: $localize`:What an evidence version changed@@evidence.change.links:links`,
  filesAdded: $localize`:What an evidence version changed@@evidence.change.filesAdded:file added`,
  filesRemoved: $localize`:What an evidence version changed@@evidence.change.filesRemoved:file removed`,
};

interface VersionView {
  readonly version: EvidenceVersionDto;
  readonly changes: string;
  /** The narrative against the version before, when it changed. */
  readonly diff: DiffPart[] | null;
}

/** Every version of an evidence item, newest first: who changed what, the narrative's diff, the files then. */
@Component({
  selector: 'bt-evidence-versions-dialog',
  imports: [DisplayDatePipe, MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@evidence.versions.title">Versions of “{{ data.item.title }}”</h2>
    <mat-dialog-content>
      <div class="progress-slot">
        @if (versions().loading) {
          <mat-progress-bar mode="indeterminate" i18n-aria-label="@@evidence.versions.loading" aria-label="Loading the versions" />
        }
      </div>
      @if (errorDetail(); as detail) {
        <p class="error" role="alert">{{ detail }}</p>
      }
      <ol class="versions" role="list" reversed>
        @for (view of views(); track view.version.version) {
          <li class="version">
            <h3 class="version__title" i18n="@@evidence.versions.heading">Version {{ view.version.version }}</h3>
            <p class="version__meta" i18n="Who made an evidence version, when, and what it changed@@evidence.versions.meta">
              {{ view.version.author }}, <time [attr.datetime]="view.version.createdAt">{{ view.version.createdAt | displayDate: 'dateTime' }}</time> — changed:
              {{ view.changes }}
            </p>
            <p class="version__meta">
              <span i18n="@@evidence.versions.titleLabel">Title:</span> {{ view.version.title }} ·
              <span i18n="@@evidence.versions.visibilityLabel">Visibility:</span> {{ visibilityLabel(view.version.visibility) }}
            </p>
            @if (view.diff; as diff) {
              <p class="diff" i18n-aria-label="@@evidence.versions.diff" aria-label="Changes to the narrative">
                @for (part of diff; track $index) {
                  @switch (part.change) {
                    @case ('added') {
                      <ins><span class="cdk-visually-hidden" i18n="@@evidence.versions.added">added:</span>{{ part.text }}</ins>
                    }
                    @case ('removed') {
                      <del><span class="cdk-visually-hidden" i18n="@@evidence.versions.removed">removed:</span>{{ part.text }}</del>
                    }
                    @default {
                      <span>{{ part.text }}</span>
                    }
                  }
                }
              </p>
            }
            @if (view.version.files.length) {
              <ul class="version__files" role="list">
                @for (file of view.version.files; track file.id) {
                  <li>
                    <a [href]="fileUrl(file.id)" download>{{ file.fileName }}</a>
                    <span i18n="A file of an evidence version: type, size and checksum@@evidence.versions.file"
                      >({{ file.kind.toUpperCase() }}, {{ fileSize(file.size) }}) SHA-256 <code>{{ file.sha256 }}</code></span
                    >
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close i18n="@@evidence.versions.close">Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .progress-slot {
      height: 4px;
    }
    .versions {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 16px;
    }
    .version__title {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .version__meta {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .diff {
      margin: 8px 0 0;
      white-space: pre-wrap;
    }
    ins {
      background: #d4f4dd;
      color: #0b3d1a;
      text-decoration: underline;
    }
    del {
      background: #fde0e0;
      color: #5c0b0b;
      text-decoration: line-through;
    }
    .version__files {
      margin: 8px 0 0;
      padding-left: 16px;
      font: var(--mat-sys-body-small);
    }
    code {
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class EvidenceVersionsDialog {
  protected readonly data = inject<EvidenceVersionsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EvidenceApi);

  protected readonly versions = toSignal(of(this.data.item.id).pipe(loadEach((id: string) => this.api.versions(id))), { initialValue: LOADING });
  protected readonly errorDetail = computed(() => {
    const error = this.versions().error;
    return error ? apiErrorMessage(error) || $localize`:@@evidence.versions.error:The versions could not be loaded.` : null;
  });
  protected readonly views = computed<VersionView[]>(() => {
    const versions = this.versions().value ?? [];
    return versions
      .map((version, i) => ({
        version,
        changes: version.changes.map((c) => CHANGE_LABELS[c] ?? c).join(', '),
        diff: i > 0 && version.changes.includes('narrative') ? narrativeDiff(versions[i - 1].narrative, version.narrative) : null,
      }))
      .reverse();
  });
  protected readonly visibilityLabel = visibilityLabel;
  protected readonly fileSize = fileSize;
  protected fileUrl(fileId: string): string {
    return evidenceFileUrl(this.data.item.id, fileId);
  }
}
