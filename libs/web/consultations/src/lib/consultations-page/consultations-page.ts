import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthSession } from '@bt/web/identity';
import { BehaviorSubject } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { DialogSave } from '@bt/web/ui/refusals';
import { consultationStateLabel } from '../consultation-labels';
import { ConsultationsApi } from '../consultations-api';

/** `/consultations`: the written consultations the visitor may see (anyone: the published ones); the Commission starts new ones here. */
@Component({
  selector: 'bt-consultations-page',
  imports: [DisplayDatePipe, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, ReactiveFormsModule, RouterLink],
  templateUrl: './consultations-page.html',
  styleUrl: '../consultations.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationsPage {
  private readonly api = inject(ConsultationsApi);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);
  private readonly reloads = new BehaviorSubject<void>(undefined);

  protected readonly list = toSignal(this.reloads.pipe(loadEach(() => this.api.list())), { initialValue: LOADING });
  protected readonly mayCreate = computed(() => this.session.hasRole('commission'));
  protected readonly stateLabel = consultationStateLabel;
  protected readonly title = new FormControl('', { nonNullable: true });
  protected readonly save = new DialogSave();

  protected create(): void {
    const title = this.title.value.trim();
    if (!title) {
      this.save.problem.set($localize`:@@consultations.create.titleRequired:Give the consultation a title.`);
      return;
    }
    this.save.run(
      this.api.create(title),
      (c) => void this.router.navigate(['/consultations', c.id, 'edit']),
      $localize`:@@consultations.create.failed:The consultation could not be created.`,
    );
  }
}
