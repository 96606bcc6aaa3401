import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FormGroup } from '@angular/forms';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { debounceTime, filter } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '@bt/web/ui/dialogs';
import { KeptDraft } from './drafts';

/**
 * A dialog holding half-written work: Escape, a click outside and its Cancel button ask before
 * throwing changes away. With a `draft` key, what was typed is also kept in this browser as it is
 * typed, and comes back when the same dialog opens again (after a reload, or a closed tab) until it
 * is saved or discarded. Made in the dialog component's constructor (it injects).
 */
export class UnsavedWork {
  private readonly dialogs = inject(MatDialog);
  /** A kept draft was put back into the form when the dialog opened. */
  readonly restored = signal(false);
  private asking = false;
  private readonly draft: KeptDraft | null;

  constructor(
    private readonly ref: MatDialogRef<unknown>,
    private readonly form: FormGroup,
    draft?: string,
  ) {
    this.draft = draft ? new KeptDraft(draft) : null;
    ref.disableClose = true;
    ref
      .backdropClick()
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.close());
    ref
      .keydownEvents()
      .pipe(
        filter((event) => event.key === 'Escape'),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        event.preventDefault();
        this.close();
      });
    if (!this.draft) return;
    const kept = this.draft.read();
    if (kept) {
      form.patchValue(kept.value);
      form.markAsDirty();
      this.restored.set(true);
    }
    form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      if (form.dirty) this.draft?.write(form.getRawValue());
    });
  }

  /** Closes the dialog, asking first when something typed would be lost. */
  close(): void {
    if (!this.form.dirty) {
      this.forget();
      this.ref.close();
      return;
    }
    if (this.asking) return;
    this.asking = true;
    this.dialogs
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: $localize`:Title of the question asked before a dialog with unsaved changes closes@@unsaved.title:Discard your changes?`,
          message: $localize`:@@unsaved.message:What you entered in this dialog has not been saved. If you close it, it is lost.`,
          confirm: $localize`:Button that closes a dialog and throws its unsaved changes away@@unsaved.discard:Discard`,
        },
      })
      .afterClosed()
      .subscribe((discard) => {
        this.asking = false;
        if (!discard) return;
        this.forget();
        this.ref.close();
      });
  }

  /** The work is saved: no draft to keep. */
  saved(): void {
    this.forget();
  }

  private forget(): void {
    this.draft?.forget();
  }
}
