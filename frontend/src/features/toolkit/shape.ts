/** The plan's shape and limits (the same rules the server enforces), without its prose. */
import type { SectionId } from '../../lib/store';

export function emptySections(): Record<SectionId, []> {
  return {
    warning_signs: [],
    on_my_own: [],
    distractions: [],
    people: [],
    professionals: [],
    safer_surroundings: [],
    what_matters: [],
  };
}

/** Same rule as the server: digits with optional +, spaces, dots, dashes or brackets. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]*[0-9]$/;
