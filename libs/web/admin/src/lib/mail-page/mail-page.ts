import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { MailStatusDto } from '@bt/contracts';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';

/**
 * Notification e-mail for admins: a warning while SMTP_URL is not set (e-mail then waits in the
 * queue), how many e-mails wait, and those that failed after every retry, each to retry.
 */
@Component({
  selector: 'bt-mail-page',
  imports: [DatePipe, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="section-title" i18n="@@admin.mail.heading">Notification e-mail</h2>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" i18n-aria-label="@@admin.mail.loading" aria-label="Loading the e-mail status" />
      }
    </div>
    @if (problem(); as problem) {
      <p class="error" role="alert">{{ problem }}</p>
    }
    @if (status(); as status) {
      @if (!status.smtpConfigured) {
        <p class="warning" role="alert">
          <mat-icon aria-hidden="true">warning</mat-icon>
          <span i18n="@@admin.mail.noSmtp"
            >E-mail is not being sent: SMTP_URL is not set. Notifications wait in the queue and go out once it is set and the API restarted.</span
          >
        </p>
      }
      <p class="queued" i18n="Number of e-mails waiting to be sent@@admin.mail.queued">
        {status.queued, plural,
          =0 {No e-mail is waiting to be sent.}
          =1 {1 e-mail is waiting to be sent.}
          other {{{ status.queued }} e-mails are waiting to be sent.}
        }
      </p>
      <h3 class="subsection-title" i18n="@@admin.mail.failedHeading">Failed after every retry</h3>
      @if (!status.failed.length) {
        <p class="muted" i18n="@@admin.mail.noFailed">None.</p>
      } @else {
        <ul class="failed" role="list">
          @for (mail of status.failed; track mail.id) {
            <li class="failed__item">
              <div>
                <p class="failed__title">{{ mail.title }}</p>
                <p class="failed__meta">
                  <span i18n="@@admin.mail.to">To {{ mail.to }}</span> · <time [attr.datetime]="mail.at">{{ mail.at | date: 'medium' }}</time> ·
                  <span i18n="@@admin.mail.attempts">{mail.attempts, plural, =1 {1 attempt} other {{{ mail.attempts }} attempts}}</span>
                </p>
                @if (mail.error) {
                  <p class="failed__error">{{ mail.error }}</p>
                }
              </div>
              <button matButton="outlined" type="button" (click)="retry(mail.id)" i18n="@@admin.mail.retry">
                Retry<span class="cdk-visually-hidden">: {{ mail.title }}</span>
              </button>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 56rem;
    }
    .section-title {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-large);
    }
    .subsection-title {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .failed {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .failed__item {
      display: flex;
      gap: 16px;
      align-items: center;
      justify-content: space-between;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .failed__title {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .failed__meta,
    .failed__error {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .failed__error {
      font-family: monospace;
      overflow-wrap: anywhere;
    }
  `,
})
export class MailPage {
  private readonly api = inject(AdminApi);
  protected readonly status = signal<MailStatusDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.api.mailStatus().subscribe({
      next: (status) => {
        this.status.set(status);
        this.loading.set(false);
      },
      error: (error) => {
        this.problem.set(apiErrorMessage(error) ?? $localize`:@@admin.mail.loadFailed:The e-mail status could not be loaded. Reload the page to try again.`);
        this.loading.set(false);
      },
    });
  }

  protected retry(id: string): void {
    this.problem.set(null);
    this.api.retryMail(id).subscribe({
      next: () => this.load(),
      error: (error) =>
        this.problem.set(apiErrorMessage(error) ?? $localize`:@@admin.mail.retryFailed:The e-mail could not be queued again. Please try again.`),
    });
  }
}
