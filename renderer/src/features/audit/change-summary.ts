// What an audit entry changed, in words a reader can scan: the fields whose value differs between
// "before" and "after", with both values shortened for display (the export keeps them whole).
export type FieldChange = { field: string; before: string | null; after: string | null };

const SHOWN = 80;

function shorten(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // JSON is kept whole here: the panel puts it in words (field-words.ts) and shortens that.
  if (/^\s*[[{]/.test(s)) return s;
  return s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s;
}

/** Text shortened for the panel. */
export function short(s: string | null): string | null {
  return s !== null && s.length > SHOWN * 2 ? `${s.slice(0, SHOWN * 2)}…` : s;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

/** Fields added, removed or changed; for an insert or delete, every field of the row. */
export function changedFields(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const k of keys) {
    const b = before?.[k];
    const a = after?.[k];
    if (before && after && JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field: k, before: shorten(b), after: shorten(a) });
  }
  return changes;
}
