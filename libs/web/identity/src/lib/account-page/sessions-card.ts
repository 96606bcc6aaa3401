import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import type { SessionDto } from '@bt/contracts';
import { AuthSession } from '../auth-session';
import { AccountApi } from './account-api';
import { deviceOf } from './device-name';

/** The user's sessions on every browser and device: each can be ended, or all the others, or all. */
@Component({
  selector: 'bt-sessions-card',
  imports: [DatePipe, MatButton],
  templateUrl: './sessions-card.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionsCard {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  protected readonly sessions = signal<SessionDto[] | null>(null);
  protected readonly others = computed(() => (this.sessions() ?? []).filter((s) => !s.current).length);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly deviceOf = deviceOf;

  constructor() {
    this.refresh();
  }

  protected end(session: SessionDto): void {
    this.act(() => this.api.endSession(session.id).subscribe(this.after()));
  }

  protected endOthers(): void {
    this.act(() => this.api.endOtherSessions().subscribe(this.after()));
  }

  protected signOutEverywhere(): void {
    this.act(() =>
      this.session.signOutEverywhere().subscribe({
        next: () => void this.router.navigateByUrl('/sign-in'),
        error: () => this.failedNow(),
      }),
    );
  }

  private act(work: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.failed.set(false);
    work();
  }

  private after() {
    return {
      next: () => {
        this.busy.set(false);
        this.refresh();
        this.session.load().subscribe();
      },
      error: () => this.failedNow(),
    };
  }

  private failedNow(): void {
    this.busy.set(false);
    this.failed.set(true);
  }

  private refresh(): void {
    this.api.sessions().subscribe({ next: (sessions) => this.sessions.set(sessions), error: () => this.sessions.set(null) });
  }
}
