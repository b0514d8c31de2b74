/**
 * Why a feed item did not become an article. Stable codes: they are stored, printed by
 * `ingest --once --json` and shown on the console's source page.
 */
export const DROP_REASONS = {
  empty: 'no link, id, title or text',
  no_text: 'no title or text to read',
  truncated: 'cut off by the end of the document',
  duplicate: 'repeats an earlier item of the same feed',
} as const;

export type DropReason = keyof typeof DROP_REASONS;

/** Items dropped from one feed (or run), by reason; reasons that dropped nothing are absent. */
export type DropCounts = Partial<Record<DropReason, number>>;

/** Whether a reason means the item was lost (a repeat within the feed is not: its first copy is kept). */
export function isLoss(reason: DropReason): boolean {
  return reason !== 'duplicate';
}

/** Adds `n` drops of a reason to a count. */
export function countDrop(counts: DropCounts, reason: DropReason, n = 1): void {
  if (n > 0) counts[reason] = (counts[reason] ?? 0) + n;
}

/** Sums several counts into one. */
export function addDrops(into: DropCounts, more: DropCounts): DropCounts {
  for (const [reason, n] of Object.entries(more) as [DropReason, number][]) countDrop(into, reason, n);
  return into;
}

/** The number of lost items in a count (repeats left out). */
export function lostItems(counts: DropCounts): number {
  return (Object.entries(counts) as [DropReason, number][]).reduce((t, [r, n]) => t + (isLoss(r) ? n : 0), 0);
}

/** "2 no title or text, 1 cut off by the end of the document" for people. */
export function describeDrops(counts: DropCounts): string {
  return (Object.entries(counts) as [DropReason, number][])
    .map(([r, n]) => `${n} ${DROP_REASONS[r]}`)
    .join(', ');
}
