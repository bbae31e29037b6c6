#!/usr/bin/env node
// A trust's nightly sync from Waymark into CSV files: copy this file and run it with Node 18 or later.
// It needs nothing else (no npm packages). See README.md.
//
//   WAYMARK_API_KEY=wm_... node trust-sync.mjs --endpoint https://waymark.example/graphql --out ./waymark-data
//
// The first run reads everything; every later run reads only what changed since the cursor it saved.
// With --bulk, pupils, encounters and participations are read from the bulk route (/api/sync/<feed>,
// one NDJSON stream each) instead of GraphQL pages: much faster for a first run. The cursors are the
// same either way, so a folder may switch between the two.

import { mkdir, readFile, rename, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What each feed reads and the columns of its CSV file. */
const FEEDS = {
  pupils: {
    field: 'pupilChanges',
    bulk: true,
    id: 'pupilId',
    record: 'pupil',
    columns: ['id', 'schoolId', 'yearGroup', 'enrolledOn', 'leftOn'],
  },
  encounters: {
    field: 'encounterChanges',
    bulk: true,
    id: 'encounterId',
    record: 'encounter',
    columns: [
      'id',
      'schoolId',
      'kind',
      'title',
      'date',
      'hasTime',
      'endsAt',
      'inSchoolDay',
      'hours',
      'benchmarks',
      'yearGroups',
      'subject',
      'checklistMet',
      'booked',
    ],
  },
  participations: {
    field: 'participationChanges',
    bulk: true,
    id: 'participationId',
    record: 'participation',
    columns: ['id', 'encounterId', 'pupilId', 'schoolId', 'attended', 'declined'],
  },
  destinations: {
    field: 'destinationChanges',
    id: 'spellId',
    record: 'spell',
    columns: ['id', 'pupilId', 'schoolId', 'leavingYear', 'activity', 'providerKind', 'apprenticeshipLevel', 'startsOn', 'endsOn', 'source', 'confirmed'],
  },
  // One row per pupil and measure (its id is the two together), as Waymark's nightly run published it.
  'benchmark-states': {
    field: 'benchmarkStateChanges',
    id: 'stateId',
    record: 'state',
    columns: ['id', 'pupilId', 'schoolId', 'yearGroup', 'measure', 'state', 'count', 'needed', 'asOf'],
  },
};

function usage(message) {
  if (message) console.error(message);
  console.error(
    'usage: node trust-sync.mjs --endpoint <url of /graphql> --out <folder> [--feed pupils|encounters|participations|destinations|benchmark-states] [--page-size 500] [--bulk] [--header "name: value"]',
  );
  console.error('The API key is read from WAYMARK_API_KEY (it needs the reports:read scope).');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { endpoint: null, out: null, feeds: [], pageSize: 500, headers: {}, bulk: false };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--endpoint':
        options.endpoint = value;
        i += 1;
        break;
      case '--out':
        options.out = value;
        i += 1;
        break;
      case '--feed':
        options.feeds.push(value);
        i += 1;
        break;
      case '--bulk':
        options.bulk = true;
        break;
      case '--page-size':
        options.pageSize = Number(value);
        i += 1;
        break;
      case '--header': {
        const colon = (value ?? '').indexOf(':');
        if (colon < 1) usage(`A header is written "name: value": ${value}`);
        options.headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
        i += 1;
        break;
      }
      default:
        usage(`Unknown option ${argv[i]}`);
    }
  }
  if (!options.endpoint || !options.out) usage();
  if (options.feeds.length === 0) options.feeds = Object.keys(FEEDS);
  for (const feed of options.feeds) if (!FEEDS[feed]) usage(`Unknown feed ${feed}; known: ${Object.keys(FEEDS).join(', ')}`);
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1 || options.pageSize > 1000) usage('--page-size is from 1 to 1000');
  return options;
}

// ---- CSV: RFC 4180 quoting, one header line, empty for null ----

function csvCell(value) {
  // A list (an encounter's benchmarks or year groups) is one cell, its items separated by spaces.
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values) {
  return `${values.map(csvCell).join(',')}\n`;
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function readIfThere(path) {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a whole file under a temporary name first, so a crash never leaves half a file. */
async function writeWhole(path, text) {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

// ---- The API ----

async function post(options, query, variables) {
  const headers = { 'content-type': 'application/json', ...options.headers };
  if (process.env.WAYMARK_API_KEY) headers.authorization = `Bearer ${process.env.WAYMARK_API_KEY}`;
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(options.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    if (response.status === 429 && attempt < 10) {
      // Over the key's allowance: wait as long as Waymark says, then ask again.
      const seconds = Number(response.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || body.errors) {
      const message = body?.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`;
      throw new Error(`Waymark refused the request: ${message}`);
    }
    return body.data;
  }
}

/**
 * Every change after `after` (every current row without one) from the bulk route, one NDJSON line
 * each, handed to `apply` as they arrive; resolves with the cursor of the last line. A stream that
 * ends without that line was cut short: an error, so the saved cursor stays where it was.
 */
async function streamChanges(options, name, after, apply) {
  const url = new URL(`/api/sync/${name}`, options.endpoint);
  if (after) url.searchParams.set('after', after);
  const headers = { ...options.headers };
  if (process.env.WAYMARK_API_KEY) headers.authorization = `Bearer ${process.env.WAYMARK_API_KEY}`;
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { headers });
    if (response.status === 429 && attempt < 10) {
      const seconds = Number(response.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('application/x-ndjson')) {
      const body = await response.json().catch(() => null);
      const message = body?.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`;
      throw new Error(`Waymark refused the request: ${message}`);
    }
    const decoder = new TextDecoder();
    let buffered = '';
    let last = null;
    const line = (text) => {
      if (text === '') return;
      if (last !== null) apply(last);
      last = JSON.parse(text);
    };
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const text of lines) line(text);
    }
    line(buffered + decoder.decode());
    if (last === null || typeof last.cursor !== 'string' || last.hasMore !== false) throw new Error(`The ${name} stream was cut short; run again.`);
    return last.cursor;
  }
}

function feedQuery(feed) {
  return `query Sync($after: String, $first: Int) {
  ${feed.field}(after: $after, first: $first) {
    cursor
    hasMore
    changes { ${feed.id} kind reason ${feed.record} { ${feed.columns.join(' ')} } }
  }
}`;
}

// ---- One feed: load the CSV, apply every page of changes, save the CSV and then the cursor ----

async function syncFeed(options, name, state) {
  const feed = FEEDS[name];
  const file = join(options.out, `${name}.csv`);
  const tombstoneFile = join(options.out, `${name}-tombstones.csv`);
  const rows = new Map();
  const full = !state.cursors[name];
  const existing = full ? null : await readIfThere(file);
  if (!full && existing === null)
    throw new Error(`${file} is missing but state.json has a cursor for ${name}: remove the cursor (or state.json) to sync everything again`);
  if (existing !== null) {
    const [header, ...lines] = parseCsv(existing);
    if (header?.join(',') !== feed.columns.join(','))
      throw new Error(`${file} does not have the columns ${feed.columns.join(',')}; move it away to start again`);
    for (const line of lines) rows.set(line[0], line);
  }
  let cursor = state.cursors[name] ?? null;
  let upserts = 0;
  const tombstones = [];
  const seenAt = new Date().toISOString();
  const apply = (change) => {
    const id = change[feed.id];
    if (change.kind === 'UPSERT') {
      rows.set(
        id,
        feed.columns.map((column) => change[feed.record][column] ?? ''),
      );
      upserts += 1;
    } else {
      rows.delete(id);
      tombstones.push([id, change.reason, seenAt]);
    }
  };
  if (options.bulk && feed.bulk) cursor = await streamChanges(options, name, cursor, apply);
  else
    for (;;) {
      const data = await post(options, feedQuery(feed), { after: cursor, first: options.pageSize });
      const page = data[feed.field];
      if (!page) throw new Error(`${feed.field} answered nothing: does the key have the reports:read scope?`);
      for (const change of page.changes) apply(change);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
  const sorted = [...rows.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  await writeWhole(file, csvLine(feed.columns) + sorted.map(csvLine).join(''));
  if (tombstones.length > 0) {
    if ((await readIfThere(tombstoneFile)) === null) await writeFile(tombstoneFile, csvLine(['id', 'reason', 'seenAt']));
    await appendFile(tombstoneFile, tombstones.map(csvLine).join(''));
  }
  // Only now the cursor moves on: a run that stops half-way starts again from the last cursor, and
  // applying the same changes twice gives the same files.
  state.cursors[name] = cursor;
  await writeWhole(join(options.out, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  return { name, upserts, tombstones: tombstones.length, total: rows.size, full };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await mkdir(options.out, { recursive: true });
  const saved = await readIfThere(join(options.out, 'state.json'));
  const state = saved ? JSON.parse(saved) : { cursors: {} };
  for (const name of options.feeds) {
    const result = await syncFeed(options, name, state);
    console.log(
      `${result.name}: ${result.full ? 'full sync' : 'changes'}: ${result.upserts} added or updated, ${result.tombstones} removed, ${result.total} in ${name}.csv`,
    );
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
