/** `abm-tier score --next`: each account's smallest single-metric move into the next tier (docs/scoring.md, "Next tier"). */
import type { Analysis } from '../core';
import { nextMessage, nextTiers } from '../core/next-tier';
import type { Said } from '../i18n';

/** One line per row, in the words of `show`; null for a row without a score. */
export function nextColumn(analysis: Analysis, show: (message: Said) => string): (string | null)[] {
  const next = nextTiers(analysis);
  return Array.from({ length: analysis.table.n }, (_, i) => {
    const said = nextMessage(analysis, next, i);
    return said ? show(said as Said) : null;
  });
}
