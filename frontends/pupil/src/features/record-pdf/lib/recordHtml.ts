import type { PdfBlock, RecordDocument } from './recordDocument';

/*
 * The record as a web page that stands alone, beside the PDF and from the same blocks: one h1, a section
 * with an h2 for each part, fields as a description list, activities as a list, tables with headers.
 * No scripts and no links out; every value escaped. It reads on a phone and prints cleanly.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text that may be in any script: the browser works out its direction, so an Arabic name reads right to left. */
const auto = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;

function blockHtml(block: Exclude<PdfBlock, { kind: 'item' }>): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${auto(block.text)}</h1>`;
    case 'heading':
      return `<h2>${auto(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${auto(block.text)}</p>`;
    case 'fields':
      return `<dl>${block.rows.map((row) => `<div><dt>${escapeHtml(row.label)}</dt><dd>${auto(row.value)}</dd></div>`).join('')}</dl>`;
    case 'table': {
      const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join('');
      const body = block.rows
        .map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${auto(cell)}</th>` : `<td>${auto(cell)}</td>`)).join('')}</tr>`)
        .join('');
      return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
  }
}

function itemsHtml(items: readonly Extract<PdfBlock, { kind: 'item' }>[]): string {
  const entries = items.map((item) => `<li><h3>${auto(item.title)}</h3>${item.lines.map((line) => `<p>${auto(line)}</p>`).join('')}</li>`);
  return `<ul class="items">${entries.join('')}</ul>`;
}

/** The page's body: the title, then a section for each heading and what follows it; items in a row make one list. */
function bodyHtml(blocks: readonly PdfBlock[]): string {
  const out: string[] = [];
  let open = false;
  let items: Extract<PdfBlock, { kind: 'item' }>[] = [];
  const flush = () => {
    if (items.length) out.push(itemsHtml(items));
    items = [];
  };
  for (const block of blocks) {
    if (block.kind === 'item') {
      items.push(block);
      continue;
    }
    flush();
    if (block.kind === 'heading') {
      if (open) out.push('</section>');
      out.push('<section>');
      open = true;
    }
    out.push(blockHtml(block));
  }
  flush();
  if (open) out.push('</section>');
  return out.join('\n');
}

export function recordHtml(doc: RecordDocument): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: "Noto Sans", Arial, sans-serif; color: #1b1f24; margin: 1rem auto; padding: 0 1rem; max-width: 50rem; line-height: 1.5; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; line-height: 1.2; } h2 { font-size: 1.35rem; margin-top: 2rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1b1f24; } h3 { font-size: 1.05rem; margin: 0; }
dl { margin: 0; } dl > div { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: 0 1rem; padding: 0.25rem 0; border-bottom: 1px solid #c5ccd6; } dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border: 1px solid #c5ccd6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
.items { list-style: none; padding: 0; } .items li { padding: 0.5rem 0; border-bottom: 1px solid #c5ccd6; } .items p { margin: 0.15rem 0; color: #4a5461; }
footer { margin-top: 2rem; color: #4a5461; font-size: 0.9rem; }
@media (max-width: 30rem) { dl > div { grid-template-columns: 1fr; } }
@media print { body { margin: 0; max-width: none; } section { break-inside: auto; } .items li, tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
${bodyHtml(doc.blocks)}
</main>
<footer><p>${auto(doc.footer)}</p></footer>
</body>
</html>
`;
}
