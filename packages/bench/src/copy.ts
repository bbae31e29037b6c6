import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value COPY (text format) can take: arrays become PostgreSQL array literals. */
export type CopyValue = string | number | boolean | null | readonly (string | number)[];

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null.
const COPY_SPECIAL = /[\\\t\n\r]/;
function escapeText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeText(value);
  return escapeText(arrayLiteral(value));
}

/** Streams rows into `table` with COPY (text format), in chunks, honouring back-pressure. */
export async function copyRows(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  let count = 0;
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i += 1) line += (i === 0 ? '' : '\t') + field(row[i]);
    chunk += `${line}\n`;
    count += 1;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      chunk = '';
    }
  }
  if (chunk) stream.write(chunk);
  stream.end();
  await done;
  return count;
}

/** Streams chunks of ready-made COPY text (tab-separated lines) into `table`. */
export async function copyText(client: pg.Client, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  for (const chunk of chunks) if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
  stream.end();
  await done;
}
