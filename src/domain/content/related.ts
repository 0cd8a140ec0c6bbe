/**
 * How "keep reading" picks its teasers: articles the editor pinned come first,
 * in the editor's order; then the closest by shared topics, with the same
 * section as a tie-breaker, newest first among equals.
 */
export const RELATED_WEIGHTS = { sharedTopic: 2, sameSection: 1 } as const;

export const RELATED_LIMIT = 6;

/** Teasers shown before the "keep reading" expander. */
export const RELATED_VISIBLE = 3;

export function mergeRelated(pinned: readonly string[], ranked: readonly string[], limit = RELATED_LIMIT): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of [...pinned, ...ranked]) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    if (out.length === limit) break;
  }
  return out;
}
