// Drafts of half-written work (see UnsavedWork and UnsavedPage): here without Material, for the session's sign-out.

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

/** A draft as kept: what was typed, and when it was last kept (null for a draft kept before the time was). */
export interface Kept<T> {
  readonly value: T;
  readonly keptAt: Date | null;
}

/**
 * One draft in this browser's storage, under `bt.draft.<name>`. Storage may be full or refused
 * (private mode): the form still works then, only nothing is kept.
 */
export class KeptDraft<T = Record<string, unknown>> {
  constructor(readonly name: string) {}

  private get key(): string {
    return `${DRAFT_PREFIX}${this.name}`;
  }

  read(): Kept<T> | null {
    try {
      const text = localStorage.getItem(this.key);
      if (!text) return null;
      const kept = JSON.parse(text) as unknown;
      if (kept && typeof kept === 'object' && 'keptAt' in kept && 'value' in kept && typeof kept.keptAt === 'string') {
        return { value: kept.value as T, keptAt: new Date(kept.keptAt) };
      }
      // Kept by the first version, which stored the bare value.
      return { value: kept as T, keptAt: null };
    } catch {
      return null;
    }
  }

  write(value: T): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ keptAt: new Date().toISOString(), value }));
    } catch {
      // Storage full or refused: nothing is kept.
    }
  }

  forget(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing kept.
    }
  }
}
