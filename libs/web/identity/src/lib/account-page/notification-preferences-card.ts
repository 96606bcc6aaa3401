import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { NotificationPreferenceDto } from '@bt/contracts';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from '@bt/contracts/values';
import { AccountApi } from './account-api';

/** Each kind of notification in a few words, as the person chooses how to receive it. */
const KIND_LABELS: Record<NotificationKind, () => string> = {
  'benchmark.submitted': () => $localize`:Kind of notification@@account.notifications.kind.benchmark.submitted:A benchmark submitted for your review`,
  'benchmark.changes_requested': () =>
    $localize`:Kind of notification@@account.notifications.kind.benchmark.changes_requested:Changes requested on a benchmark`,
  'benchmark.accepted': () => $localize`:Kind of notification@@account.notifications.kind.benchmark.accepted:A benchmark accepted`,
  'benchmark.reopened': () => $localize`:Kind of notification@@account.notifications.kind.benchmark.reopened:A benchmark reopened`,
  'mission.planned': () => $localize`:Kind of notification@@account.notifications.kind.mission.planned:A peer-review mission planned`,
  'mission.corrected': () => $localize`:Kind of notification@@account.notifications.kind.mission.corrected:A peer-review mission changed`,
  'mission.report_submitted': () => $localize`:Kind of notification@@account.notifications.kind.mission.report_submitted:A mission report submitted`,
  'mission.report_shared': () => $localize`:Kind of notification@@account.notifications.kind.mission.report_shared:A mission report shared with you`,
  'proposal.posted': () => $localize`:Kind of notification@@account.notifications.kind.proposal.posted:A civil-society proposal awaiting your answer`,
  'proposal.answered': () => $localize`:Kind of notification@@account.notifications.kind.proposal.answered:An answer to your organisation's proposal`,
  'consultation.opened': () => $localize`:Kind of notification@@account.notifications.kind.consultation.opened:A written consultation open for your replies`,
  'consultation.reopened': () => $localize`:Kind of notification@@account.notifications.kind.consultation.reopened:A written consultation reopened`,
  'consultation.published': () => $localize`:Kind of notification@@account.notifications.kind.consultation.published:A written consultation published`,
  'consultation.deadline': () => $localize`:Kind of notification@@account.notifications.kind.consultation.deadline:A written consultation's deadline coming up`,
  'mission.starting': () => $localize`:Kind of notification@@account.notifications.kind.mission.starting:A peer-review mission starting`,
  'mission.report_due': () => $localize`:Kind of notification@@account.notifications.kind.mission.report_due:A mission report not yet submitted`,
  'recommendation.due': () => $localize`:Kind of notification@@account.notifications.kind.recommendation.due:A recommendation due`,
};

const DELIVERY_LABELS: Record<NotificationDelivery, () => string> = {
  immediate: () => $localize`:How a notification is received@@account.notifications.delivery.immediate:E-mail at once`,
  digest: () => $localize`:How a notification is received@@account.notifications.delivery.digest:In the daily digest e-mail`,
  in_app: () => $localize`:How a notification is received@@account.notifications.delivery.in_app:Inbox only, no e-mail`,
};

type Outcome = 'saved' | 'failed' | null;

/** How the person receives each kind of notification: e-mail at once, a daily digest, or the inbox only. */
@Component({
  selector: 'bt-notification-preferences-card',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatSelect, MatOption],
  templateUrl: './notification-preferences-card.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesCard {
  private readonly api = inject(AccountApi);

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly deliveries = NOTIFICATION_DELIVERIES;
  protected readonly kindLabel = (kind: NotificationKind) => KIND_LABELS[kind]();
  protected readonly deliveryLabel = (delivery: NotificationDelivery) => DELIVERY_LABELS[delivery]();
  /** A kind's control in the form: a form group's key may not hold a dot (Angular reads one as a path), and every kind has one. */
  protected readonly controlName = (kind: NotificationKind) => kind.replace('.', ':');
  protected readonly form = new FormGroup(
    Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [this.controlName(kind), new FormControl<NotificationDelivery>('immediate', { nonNullable: true })]),
    ) as Record<string, FormControl<NotificationDelivery>>,
  );
  protected readonly loaded = signal<boolean | null>(null);
  protected readonly saving = signal(false);
  protected readonly outcome = signal<Outcome>(null);

  constructor() {
    this.api.notificationPreferences().subscribe({ next: (preferences) => this.show(preferences), error: () => this.loaded.set(false) });
  }

  /** Sends the kinds changed since loaded (the others keep a default that may follow the person's roles). */
  protected save(): void {
    if (this.saving()) return;
    const changed = NOTIFICATION_KINDS.filter((kind) => this.control(kind).dirty).map((kind) => ({ kind, delivery: this.control(kind).value }));
    if (!changed.length) {
      this.outcome.set('saved');
      return;
    }
    this.saving.set(true);
    this.outcome.set(null);
    this.api.chooseNotificationPreferences(changed).subscribe({
      next: (preferences) => {
        this.saving.set(false);
        this.show(preferences);
        this.outcome.set('saved');
      },
      error: () => {
        this.saving.set(false);
        this.outcome.set('failed');
      },
    });
  }

  private control(kind: NotificationKind): FormControl<NotificationDelivery> {
    return this.form.controls[this.controlName(kind)];
  }

  private show(preferences: NotificationPreferenceDto[]): void {
    for (const p of preferences) this.form.controls[this.controlName(p.kind)]?.setValue(p.delivery);
    this.form.markAsPristine();
    this.loaded.set(true);
  }
}
