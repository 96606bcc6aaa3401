import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { SecondFactorStatusDto, TotpEnrolmentDto } from '@bt/contracts';
import { type Observable } from 'rxjs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AuthSession } from '../auth-session';
import { AccountApi } from './account-api';

/** What the card shows: the state, a set-up under way, fresh recovery codes, or a code asked for a change. */
type Step =
  | { readonly kind: 'status' }
  | { readonly kind: 'enrolling'; readonly enrolment: TotpEnrolmentDto }
  | { readonly kind: 'codes'; readonly codes: readonly string[] }
  | { readonly kind: 'confirmChange'; readonly change: 'renew' | 'remove' };

/**
 * Two-step sign-in on the account page: setting up an authenticator app (QR code, or the key typed
 * in), the recovery codes shown once, new codes, switching it off. When the identity settings require
 * it of the user's role and it is not set up, this card is all the app offers until it is.
 */
@Component({
  selector: 'bt-second-factor-card',
  imports: [DatePipe, NgTemplateOutlet, ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, MatProgressBar],
  templateUrl: './second-factor-card.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorCard {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  private readonly clipboard = inject(Clipboard);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  protected readonly status = signal<SecondFactorStatusDto | null>(null);
  protected readonly step = signal<Step>({ kind: 'status' });
  private readonly submission = new DialogSave();
  protected readonly busy = this.submission.saving;
  protected readonly problem = this.submission.problem;
  protected readonly copied = signal(false);
  protected readonly outstanding = this.session.secondFactorOutstanding;
  protected readonly code = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(40)] });
  protected readonly codeForm = new FormGroup({ code: this.code });
  protected readonly enrolmentShown = computed(() => {
    const step = this.step();
    return step.kind === 'enrolling' ? step.enrolment : null;
  });
  protected readonly codesShown = computed(() => {
    const step = this.step();
    return step.kind === 'codes' ? step.codes : [];
  });
  protected readonly changeAsked = computed(() => {
    const step = this.step();
    return step.kind === 'confirmChange' ? step.change : null;
  });
  /** The key in groups of four, as authenticator apps ask for it when typed in. */
  protected readonly groupedSecret = computed(() => (this.enrolmentShown()?.secret.match(/.{1,4}/g) ?? []).join(' '));

  constructor() {
    this.refresh();
  }

  protected begin(): void {
    this.run(this.api.beginEnrolment(), (enrolment) => this.ask({ kind: 'enrolling', enrolment }));
  }

  protected askFor(change: 'renew' | 'remove'): void {
    this.ask({ kind: 'confirmChange', change });
  }

  protected cancel(): void {
    this.step.set({ kind: 'status' });
    this.problem.set(null);
  }

  /** The code typed for the step under way: confirms a set-up, renews the codes or switches it off. */
  protected submitCode(): void {
    if (this.code.invalid) {
      this.code.markAsTouched();
      this.codeInput()?.nativeElement.focus();
      return;
    }
    const code = this.code.value.trim();
    const step = this.step();
    if (step.kind === 'enrolling') {
      this.run(this.api.confirmEnrolment(code), (codes) => this.showCodes(codes));
    } else if (step.kind === 'confirmChange' && step.change === 'renew') {
      this.run(this.api.renewRecoveryCodes(code), (codes) => this.showCodes(codes));
    } else if (step.kind === 'confirmChange') {
      this.run(this.api.removeSecondFactor(code), () => this.done());
    }
  }

  protected copyCodes(codes: readonly string[]): void {
    this.copied.set(this.clipboard.copy(codes.join('\n')));
  }

  /** The codes as a text file: kept somewhere other than the phone. */
  protected downloadCodes(codes: readonly string[]): void {
    const text = `${$localize`:Heading of the downloaded recovery codes file@@secondFactor.codes.fileHeading:Benchmark Tracker recovery codes for ${this.session.me()?.email ?? ''}:email:`}\n\n${codes.join('\n')}\n`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = 'benchmark-tracker-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  /** Codes saved: back to the state — and, if the role required it, to the rest of the app. */
  protected done(): void {
    this.step.set({ kind: 'status' });
    this.copied.set(false);
    this.refresh();
    this.session.load().subscribe();
  }

  private ask(step: Step): void {
    this.step.set(step);
    this.code.reset();
    this.problem.set(null);
    setTimeout(() => this.codeInput()?.nativeElement.focus());
  }

  private showCodes(codes: string[]): void {
    this.step.set({ kind: 'codes', codes });
    this.copied.set(false);
  }

  private refresh(): void {
    this.api.secondFactor().subscribe({ next: (status) => this.status.set(status), error: () => this.status.set(null) });
  }

  /** One call at a time; a refusal is shown, and the code is cleared for the next try. */
  private run<T>(call: Observable<T>, next: (value: T) => void): void {
    this.submission.run(call, next, $localize`:@@secondFactor.failed:That did not work. Please try again in a moment.`, () => {
      this.code.reset();
      this.codeInput()?.nativeElement.focus();
      return false;
    });
  }
}
