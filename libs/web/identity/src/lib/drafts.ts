// Drafts of half-written dialogs (see UnsavedWork): here without Material, for the session's sign-out.

/** Where drafts are kept in this browser; signing out removes them all (a shared computer keeps nothing). */
export const DRAFT_PREFIX = 'bt.draft.';

/** Removes every draft kept in this browser (at sign-out). */
export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode): there is nothing to forget.
  }
}
