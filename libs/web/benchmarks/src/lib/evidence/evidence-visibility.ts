import type { EvidenceVisibility } from '@bt/contracts';

export interface VisibilityOption {
  readonly visibility: EvidenceVisibility;
  readonly label: string;
  /** Who sees an item with this visibility. */
  readonly hint: string;
}

/*
 * A Record over the contract's visibility type (imported as a type only: the contract module's
 * request classes must stay out of the bundle), so a new visibility fails the build until it has words.
 */
const VISIBILITIES: Record<EvidenceVisibility, VisibilityOption> = {
  internal: {
    visibility: 'internal',
    label: $localize`:Evidence visibility@@evidenceVisibility.internal:Internal`,
    hint: $localize`:@@evidenceVisibility.internal.hint:Only the ministry of the country sees it.`,
  },
  shared: {
    visibility: 'shared',
    label: $localize`:Evidence visibility@@evidenceVisibility.shared:Shared`,
    hint: $localize`:@@evidenceVisibility.shared.hint:The Commission, the peer reviewers and the country's civil society see it.`,
  },
  public: {
    visibility: 'public',
    label: $localize`:Evidence visibility@@evidenceVisibility.public:Public`,
    hint: $localize`:@@evidenceVisibility.public.hint:Everyone sees it, also without signing in.`,
  },
};

/** The visibilities, narrowest first, for a choice. */
export const VISIBILITY_OPTIONS: readonly VisibilityOption[] = Object.values(VISIBILITIES);

export function visibilityLabel(visibility: EvidenceVisibility): string {
  return VISIBILITIES[visibility]?.label ?? visibility;
}
