/** Tier movement between two scoring runs, SPEC §12. */

export interface SnapshotEntry {
  /** 0 = Tier 1 … 2 = Tier 3. */
  tier: number;
  score: number;
  segment: string;
}

export type Snapshot = Map<string, SnapshotEntry>;

export interface Move {
  account: string;
  from: number;
  to: number;
  fromSegment: string;
  toSegment: string;
}

export interface Movement {
  /** counts[from][to]; index 3 is "new" as a from-row and "gone" as a to-column. */
  counts: number[][];
  up: Move[];
  down: Move[];
}

export const NEW_OR_GONE = 3;

export function movement(before: Snapshot, after: Snapshot): Movement {
  const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const up: Move[] = [];
  const down: Move[] = [];
  for (const [account, now] of after) {
    const then = before.get(account);
    if (!then) {
      counts[NEW_OR_GONE][now.tier]++;
      continue;
    }
    counts[then.tier][now.tier]++;
    const move = { account, from: then.tier, to: now.tier, fromSegment: then.segment, toSegment: now.segment };
    if (now.tier < then.tier) up.push(move);
    else if (now.tier > then.tier) down.push(move);
  }
  for (const [account, then] of before) if (!after.has(account)) counts[then.tier][NEW_OR_GONE]++;
  return { counts, up, down };
}
