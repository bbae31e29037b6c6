import type { ColumnMappingInput, RejectedRow, RosterField, RosterImport } from '../graphql/rosterImport';

/** Rows of the file that will be imported: new, changed, transfers in, and those already up to date. */
export function validRowCount(preview: Pick<RosterImport, 'toAdd' | 'toChange' | 'unchanged' | 'transfersIn'>): number {
  return preview.toAdd + preview.toChange + preview.unchanged + preview.transfersIn;
}

/**
 * A preview can be committed once the file has at least one valid row. (A file of nothing but
 * rejected rows would otherwise, as a full roster, mark every pupil as left.)
 */
export function canCommit(preview: RosterImport): boolean {
  return preview.status === 'PREVIEWED' && validRowCount(preview) > 0;
}

/** Every rejected row in file order; problems on the same line stay together. */
export function sortRejected(rows: readonly RejectedRow[]): RejectedRow[] {
  return [...rows].sort((a, b) => a.line - b.line);
}

export function rejectedLineCount(rows: readonly RejectedRow[]): number {
  return new Set(rows.map((row) => row.line)).size;
}

/** The value of the "Ignore this column" choice in the mapping selects. */
export const IGNORE = '';

/** The leader's choices as the API takes them; an untouched header is sent as ignored. */
export function toMappingInput(headers: readonly string[], choices: Readonly<Record<string, string>>): ColumnMappingInput[] {
  return headers.map((header) => ({ header, field: choices[header] ? choices[header] : null }));
}

/** Two choices for the same field would fight over it: the headers that collide, by field. */
export function duplicateChoices(choices: Readonly<Record<string, string>>): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const [header, field] of Object.entries(choices)) {
    if (field === IGNORE) continue;
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  return new Map([...byField].filter(([, headers]) => headers.length > 1));
}

export function fieldLabel(fields: readonly RosterField[], key: string | null): string {
  if (!key) return 'Ignored';
  return fields.find((field) => field.key === key)?.label ?? key;
}

/** "1 pupil" / "3 pupils". */
export function pupils(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'pupil' : 'pupils'}`;
}

export function rows(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'row' : 'rows'}`;
}

/** Bytes for people: "840 bytes", "12 KB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
