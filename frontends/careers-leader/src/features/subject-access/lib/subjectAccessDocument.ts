import { formatDateTime } from '@waymark/domain';
import type { SubjectAccessPart } from '../graphql/subjectAccess';

/** The export as one machine-readable document. */
export interface SubjectAccessExport {
  pupil: { id: string; name: string };
  generatedAt: string;
  parts: SubjectAccessPart[];
}

const PART_TITLES: Record<string, string> = {
  pupils: 'The pupil record',
  encounters: 'Careers activities and guidance',
  destinations: 'Destinations after school',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A column name as a heading: `date_of_birth` → "Date of birth". */
export function columnHeading(column: string): string {
  const words = column.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value as a person reads it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(cellText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Columns in the order they first appear across the rows. */
function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function sectionHtml(title: string, rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return `<section><h3>${escapeHtml(title)}</h3><p>Nothing held.</p></section>`;
  const columns = columnsOf(rows);
  // One record reads best as a list of its fields; several as a table.
  if (rows.length === 1) {
    const items = columns.map((column) => `<dt>${escapeHtml(columnHeading(column))}</dt><dd>${escapeHtml(cellText(rows[0][column]))}</dd>`).join('');
    return `<section><h3>${escapeHtml(title)}</h3><dl>${items}</dl></section>`;
  }
  const head = columns.map((column) => `<th scope="col">${escapeHtml(columnHeading(column))}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => `<td>${escapeHtml(cellText(row[column]))}</td>`).join('')}</tr>`).join('');
  return `<section><h3>${escapeHtml(title)}</h3><div class="wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
}

/** The same export as a printable page that stands alone: no scripts, no links out, everything escaped. */
export function subjectAccessHtml(data: SubjectAccessExport): string {
  const generated = formatDateTime(data.generatedAt, 'long');
  const parts = data.parts
    .map((part) => `<h2>${escapeHtml(PART_TITLES[part.source] ?? part.source)}</h2>${part.sections.map((section) => sectionHtml(section.title, section.rows)).join('')}`)
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Everything Waymark holds about ${escapeHtml(data.pupil.name)}</title>
<style>
body { font-family: Arial, sans-serif; color: #0b0c0c; margin: 2rem; line-height: 1.4; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #0b0c0c; } h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; font-size: 0.9rem; } th, td { border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.wrap { overflow-x: auto; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }
@media print { body { margin: 0; } h2 { break-before: page; } h2:first-of-type { break-before: auto; } }
</style>
</head>
<body>
<h1>Everything Waymark holds about ${escapeHtml(data.pupil.name)}</h1>
<p>A subject access request: this is every record Waymark holds about this pupil, from every part of Waymark, as it was on ${escapeHtml(generated)}. Downloading it was recorded in the school's data access log. Check it before you share it: it includes staff notes from guidance meetings, and names of other people who wrote or read the record.</p>
${parts}
</body>
</html>
`;
}

/** File names for the two downloads: the pupil's name and the day. */
export function subjectAccessFileName(name: string, day: string, extension: 'json' | 'html'): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pupil';
  return `subject-access-${slug}-${day}.${extension}`;
}
