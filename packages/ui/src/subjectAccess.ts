import { formatDateTime } from '@waymark/domain';

/*
 * A subject-access export as the portals save it: the parts every subgraph gives (sections of rows,
 * as stored), once as JSON for other systems and once as a page a person can read and print. The
 * careers-leader portal exports a pupil's record this way; the pupil and employer portals a person's
 * own data ("Download my data").
 */

/** One subgraph's part of an export. The schema types a part only as a JSON object; its field descriptions give it this shape. */
export interface SubjectAccessPart {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}

/** A part as the schema gives it (any JSON object, or null when that subgraph had nothing to say), read as that shape. */
export function subjectAccessPart(part: { [key: string]: unknown } | null | undefined): SubjectAccessPart | null {
  return part && typeof part.source === 'string' && Array.isArray(part.sections) ? (part as unknown as SubjectAccessPart) : null;
}

/** The parts of a result that came back, in the order given. */
export function subjectAccessParts(parts: readonly ({ [key: string]: unknown } | null | undefined)[]): SubjectAccessPart[] {
  return parts.map(subjectAccessPart).filter((part): part is SubjectAccessPart => part !== null);
}

/** What the printable page says around the rows. */
export interface SubjectAccessPage {
  /** The page's title and `h1`, e.g. "Everything Waymark holds about Maya Okafor". */
  title: string;
  /** Paragraphs under the title: what this is, and what to do with it. */
  introduction: readonly string[];
  /** Headings for each part, by source; a part without one is headed by its source's name. */
  partTitles: Readonly<Record<string, string>>;
  /** When the export was made (ISO 8601). */
  generatedAt: string;
  parts: readonly SubjectAccessPart[];
}

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
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '—';
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
  // A wide table scrolls inside its own box, which keyboard users must be able to reach to scroll.
  return `<section><h3>${escapeHtml(title)}</h3><div class="wrap" role="region" aria-label="${escapeHtml(title)}" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
}

function partHtml(part: SubjectAccessPart, titles: Readonly<Record<string, string>>): string {
  const sections = part.sections.length === 0 ? '<p>Nothing held.</p>' : part.sections.map((section) => sectionHtml(section.title, section.rows)).join('');
  return `<h2>${escapeHtml(titles[part.source] ?? part.source)}</h2>${sections}`;
}

/** The export as a printable page that stands alone: no scripts, no links out, everything escaped. */
export function subjectAccessHtml(page: SubjectAccessPage): string {
  const introduction = page.introduction.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
body { font-family: Arial, sans-serif; color: #0b0c0c; margin: 2rem; line-height: 1.4; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #0b0c0c; } h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; font-size: 0.9rem; } th, td { border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.wrap { overflow-x: auto; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
@media print { body { margin: 0; } h2 { break-before: page; } h2:first-of-type { break-before: auto; } }
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p>Made on ${escapeHtml(formatDateTime(page.generatedAt, 'long'))}.</p>
${introduction}
${page.parts.map((part) => partHtml(part, page.partTitles)).join('')}
</body>
</html>
`;
}

/** A file name from a prefix, a person's name and the day: `subject-access-zoe-o-neil-2026-12-06.json`. */
export function subjectAccessFileName(prefix: string, name: string, day: string, extension: 'json' | 'html'): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'person';
  return `${prefix}-${slug}-${day}.${extension}`;
}

/** Hands text or bytes (a CSV, a printable page, a PDF) to the browser as a file download with the given name. */
export function downloadFile(content: string | Uint8Array, fileName: string, type: string): void {
  // Bytes made in this page are backed by a plain ArrayBuffer, which is what a Blob takes.
  const url = URL.createObjectURL(new Blob([content as string | Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the content goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
