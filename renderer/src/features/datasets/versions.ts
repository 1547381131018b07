// The version chain of datasets: an import of a corrected file supersedes the latest dataset of
// the same kind and name. The list carries "supersedes"; "superseded by" is its inverse.
import type { DatasetInfo } from '../../../../core/ipc/schemas';

export function supersededBy(datasets: readonly DatasetInfo[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of datasets) if (d.supersedesId !== null) out.set(d.supersedesId, d.id);
  return out;
}
