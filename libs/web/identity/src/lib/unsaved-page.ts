import { DestroyRef, inject, signal } from '@angular/core';
import { type AbstractControl, FormGroup } from '@angular/forms';
import { debounceTime, type Subscription } from 'rxjs';
import { AuthSession } from './auth-session';
import { KeptDraft } from './drafts';
import { askBeforeUnload } from './leave-unsaved';

/** A form's parts as a draft keeps them: only what was changed, by control name (groups nested). */
type Parts = { [name: string]: unknown };

/**
 * The unsaved work of a page's reactive form, as UnsavedWork is for a dialog. The page implements
 * HoldsUnsavedWork with `hasUnsavedWork()` from here and its route has `canDeactivate:
 * [askBeforeLeaving]`: leaving by the app's links asks first; closing or reloading the tab has the
 * browser ask (askBeforeUnload). With `keepDraft`, what was typed is also kept in this browser
 * (under `bt.draft.`, removed at sign-out) as it is typed, and comes back when the page opens again,
 * saying so, until it is saved, discarded, or the person chose to leave the page without it. Only the
 * changed controls are kept, so a part saved meanwhile (or sent) is not overwritten by old text.
 * Made in the page component's constructor (it injects).
 */
export class UnsavedPage {
  private readonly session = inject(AuthSession);
  /** Whether a kept draft is in the form now. */
  readonly restored = signal(false);
  /** When the draft put back into the form had been kept (null when unknown, or none was put back). */
  readonly restoredFrom = signal<Date | null>(null);
  private draft: KeptDraft<Parts> | null = null;
  /** The values the restored draft replaced, put back when it is discarded. */
  private replaced: Parts = {};
  private watching: Subscription | null = null;

  constructor(private readonly form: FormGroup) {
    // The browser asks before a reload or a closed tab; the last keystrokes (not yet kept by the debounce) are kept first.
    askBeforeUnload(() => {
      this.keep();
      return this.hasUnsavedWork();
    });
    inject(DestroyRef).onDestroy(() => {
      this.watching?.unsubscribe();
      // A page holding changes is left only when the person chose to lose them (askBeforeLeaving), unless
      // the session ended: then the draft waits for them to sign in again.
      if (this.form.dirty && this.session.signedIn()) this.draft?.forget();
    });
  }

  /** Changes not saved; without a session nothing can be saved, so leaving to sign in again asks nothing (and keeps the draft). */
  hasUnsavedWork(): boolean {
    return this.form.dirty && this.session.signedIn();
  }

  /**
   * The form now holds what is saved: a draft kept under `name` comes back over it (and says so,
   * `restored`), and from now on the changes are kept as they are typed. Called once the page has
   * filled its form from the server.
   */
  keepDraft(name: string): void {
    this.watching?.unsubscribe();
    this.draft = new KeptDraft<Parts>(name);
    const kept = this.draft.read();
    this.replaced = kept ? putBack(this.form, kept.value) : {};
    const restored = Object.keys(this.replaced).length > 0;
    this.restored.set(restored);
    this.restoredFrom.set(restored ? (kept?.keptAt ?? null) : null);
    if (!restored) this.draft.forget();
    this.watching = this.form.valueChanges.pipe(debounceTime(300)).subscribe(() => this.keep());
  }

  /** Throws the restored draft away: the form shows what is saved again. */
  discardDraft(): void {
    putBack(this.form, this.replaced, false);
    this.replaced = {};
    this.restored.set(false);
    this.restoredFrom.set(null);
    this.keep();
  }

  /** `part` (the whole form when not given) is saved: it is no longer unsaved work, nor in the draft. */
  saved(part: AbstractControl = this.form): void {
    part.markAsPristine();
    if (!this.form.dirty) {
      this.restored.set(false);
      this.restoredFrom.set(null);
    }
    this.keep();
  }

  /** Keeps the changed parts as the draft, or forgets the draft when nothing is changed. */
  private keep(): void {
    if (!this.draft) return;
    const parts = this.form.dirty ? changedParts(this.form) : {};
    if (Object.keys(parts).length) this.draft.write(parts);
    else this.draft.forget();
  }
}

/** The values of the controls changed (dirty and enabled), nested as the form is. */
function changedParts(group: FormGroup): Parts {
  const parts: Parts = {};
  for (const [name, control] of Object.entries(group.controls)) {
    if (!control.dirty || control.disabled) continue;
    parts[name] = control instanceof FormGroup ? changedParts(control) : control.value;
  }
  return parts;
}

/**
 * Sets the controls named in `parts` (skipping those no longer there or disabled: a reply sent
 * meanwhile, a question removed) and marks them changed or, with `changed` false, unchanged.
 * Answers the values they had, as parts.
 */
function putBack(group: FormGroup, parts: Parts, changed = true): Parts {
  const had: Parts = {};
  if (!parts || typeof parts !== 'object') return had;
  for (const [name, value] of Object.entries(parts)) {
    const control = group.controls[name];
    if (!control || control.disabled) continue;
    if (control instanceof FormGroup) {
      const inner = putBack(control, value as Parts, changed);
      if (Object.keys(inner).length) had[name] = inner;
      continue;
    }
    const before: unknown = control.value;
    try {
      control.setValue(value);
    } catch {
      continue; // a draft of another shape (the form has changed since): not put back
    }
    had[name] = before;
    if (changed) control.markAsDirty();
    else control.markAsPristine();
  }
  return had;
}
