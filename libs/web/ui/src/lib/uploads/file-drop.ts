import { ChangeDetectionStrategy, Component, type ElementRef, input, output, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/**
 * The app's file picker: a zone a file is dropped on, or a button that opens the browser's file
 * chooser (the native input stays hidden). It hands over the file; the form using it uploads it.
 * The projected content is the hint under the zone (formats, the upload limit), which describes the button.
 */
@Component({
  selector: 'bt-file-drop',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="drop-zone" [class.drop-zone--over]="over()" (dragover)="dragOver($event)" (dragleave)="over.set(false)" (drop)="dropped($event)">
      <mat-icon aria-hidden="true">upload_file</mat-icon>
      <span class="drop-zone__text" i18n="@@evidence.upload.drop">Drop a file here, or</span>
      <button matButton="outlined" type="button" [disabled]="disabled()" (click)="fileInput.click()" [attr.aria-describedby]="hintId()">
        @if (choose(); as choose) {
          {{ choose }}
        } @else {
          <span i18n="@@evidence.upload.choose">Choose a file</span>
        }
      </button>
      <input #fileInput class="cdk-visually-hidden" type="file" tabindex="-1" aria-hidden="true" [accept]="accepted()" (change)="picked()" />
      <span class="drop-zone__hint" [id]="hintId()"><ng-content /></span>
    </div>
  `,
  styles: `
    .drop-zone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-top: 12px;
      padding: 12px 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
    }
    .drop-zone--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop-zone__hint {
      flex-basis: 100%;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class FileDrop {
  /** What the file chooser offers (the API decides by the file's bytes; this only narrows the chooser). */
  readonly accepted = input.required<string>();
  /** The id of the hint (the projected content), which describes the button. */
  readonly hintId = input.required<string>();
  /** The button's words when "Choose a file" does not say which file (two pickers on one page). */
  readonly choose = input<string | null>(null);
  /** While an upload runs: the button is off and a drop is ignored. */
  readonly disabled = input(false);
  readonly chosen = output<File>();

  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly over = signal(false);

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.over.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file && !this.disabled()) this.chosen.emit(file);
  }

  protected picked(): void {
    const input = this.fileInput().nativeElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.chosen.emit(file);
  }
}
