import { expect } from 'vitest';
import { makeUpn } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import type { SubgraphTestClient } from '@waymark/subgraph-kit/testing';

/** A pupil as a test MIS export holds them. */
export interface FixturePupil {
  upn: string;
  surname: string;
  forename: string;
  preferred: string | null;
  /** yyyy-mm-dd */
  dob: string;
  year: number;
  reg: string;
  sen: 'N' | 'K' | 'E';
  fsm: boolean;
  eal: boolean;
  inCare: boolean;
}

const SURNAMES = ['Smith', 'Okafor', 'Patel', 'Nowak', 'Begum', 'Jones', 'Mensah', 'Kaur', "O'Brien", 'Smith-Jones'];
const FORENAMES = ['Amelia', 'Oliver', 'Zoë', 'Noah', 'Aisha', 'Tomasz', 'Renée', 'Kai', 'Priya', 'Yusuf'];

/**
 * `count` pupils with UPNs unique to `seed` (so two fixtures never share one), spread over Years 7–13
 * with dates of birth that fit their year in `academicYear`.
 */
export function generatePupils(
  count: number,
  { seed, academicYear, firstYear = 7, lastYear = 13 }: { seed: number; academicYear: number; firstYear?: number; lastYear?: number },
): FixturePupil[] {
  const span = lastYear - firstYear + 1;
  return Array.from({ length: count }, (_, i) => {
    const year = firstYear + (i % span);
    // Year N in academic year Y were born 1 Sep (Y-N-5) to 31 Aug (Y-N-4).
    const born = new Date(Date.UTC(academicYear - year - 5, 8, 1 + ((i * 37) % 360)));
    return {
      upn: makeUpn(`${String(900 + (seed % 100)).padStart(3, '0')}${String(i).padStart(9, '0')}`),
      surname: SURNAMES[i % SURNAMES.length],
      forename: FORENAMES[(i * 7) % FORENAMES.length],
      preferred: i % 20 === 3 ? 'Sam' : null,
      dob: born.toISOString().slice(0, 10),
      year,
      reg: `${year}${'ABC'[i % 3]}`,
      sen: i % 11 === 0 ? 'K' : i % 31 === 0 ? 'E' : 'N',
      fsm: i % 4 === 0,
      eal: i % 6 === 0,
      inCare: i % 50 === 0,
    };
  });
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const dmyShort = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y.slice(2)}`;
};

/** How three MIS products might export the same pupils: different headers and value spellings. */
export type MisStyle = 'sims' | 'arbor' | 'bromcom';

const STYLES: Record<MisStyle, { headers: string[]; cells: (p: FixturePupil) => string[] }> = {
  sims: {
    headers: ['UPN', 'Legal Surname', 'Legal Forename', 'Preferred Forename', 'DOB', 'Year', 'Reg Group', 'SEN Status', 'FSM Eligible', 'EAL', 'In Care'],
    cells: (p) => [
      p.upn,
      p.surname,
      p.forename,
      p.preferred ?? p.forename,
      dmy(p.dob),
      `Year ${p.year}`,
      p.reg,
      p.sen,
      p.fsm ? 'Yes' : 'No',
      p.eal ? 'Yes' : 'No',
      p.inCare ? 'Yes' : 'No',
    ],
  },
  arbor: {
    headers: ['UPN', 'Last Name', 'First Name', 'Date of Birth', 'Year Group', 'Registration Group', 'SEN Provision', 'Pupil Premium', 'EAL', 'Looked After'],
    cells: (p) => [
      p.upn,
      p.surname,
      p.forename,
      p.dob,
      `Y${p.year}`,
      p.reg,
      { N: 'None', K: 'SEN Support', E: 'EHC Plan' }[p.sen],
      String(p.fsm).toUpperCase(),
      String(p.eal).toUpperCase(),
      p.inCare ? 'TRUE' : '',
    ],
  },
  bromcom: {
    headers: ['UPN', 'Surname', 'Forename', 'DOB', 'NC Year', 'Tutor Group', 'SEN', 'PP', 'EAL', 'CLA'],
    cells: (p) => [p.upn, p.surname, p.forename, dmyShort(p.dob), String(p.year), p.reg, p.sen, p.fsm ? '1' : '0', p.eal ? '1' : '0', p.inCare ? '1' : '0'],
  },
};

export function rosterCsv(
  pupils: FixturePupil[],
  { style = 'sims', eol = '\r\n', extraRows = [] }: { style?: MisStyle; eol?: string; extraRows?: string[][] } = {},
): string {
  const { headers, cells } = STYLES[style];
  return [headers, ...pupils.map(cells), ...extraRows].map((row) => row.map(quote).join(',')).join(eol) + eol;
}

export const utf8Base64 = (text: string, bom = false) =>
  Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]).toString('base64');
/** Windows-1252 for the characters the fixtures use (Latin-1 plus the curly apostrophe). */
export const win1252Base64 = (text: string) => Buffer.from(text.replace(/\u2019/g, '\x92'), 'latin1').toString('base64');

/** The same pupils as a trust integration sends them through `rows`. */
export function rosterRows(pupils: FixturePupil[]) {
  return pupils.map((p) => ({
    upn: p.upn,
    legalSurname: p.surname,
    legalForename: p.forename,
    preferredName: p.preferred,
    dateOfBirth: p.dob,
    yearGroup: p.year,
    tutorGroup: p.reg,
    senStatus: p.sen,
    disadvantaged: p.fsm,
    eal: p.eal,
    lookedAfter: p.inCare,
  }));
}

export const IMPORT_FIELDS = `id status fullRoster totalRows processedRows toAdd toChange toMarkLeft markLeftNeedsConfirmation unchanged transfersIn
  rejected { line upn field reason } columns { header field } unmappedColumns createdAt committedAt failureMessage`;
export const PREVIEW = `mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { ${IMPORT_FIELDS} } error { code message fields { field message } } } }`;
export const COMMIT = `mutation ($id: ID!, $confirmMarkLeft: Int) { commitRosterImport(id: $id, confirmMarkLeft: $confirmMarkLeft) { import { ${IMPORT_FIELDS} } error { code message fields { field message } } } }`;
export const GET_IMPORT = `query ($id: ID!) { rosterImport(id: $id) { ${IMPORT_FIELDS} } }`;

export interface ImportView {
  id: string;
  status: 'PREVIEWED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';
  fullRoster: boolean;
  totalRows: number;
  processedRows: number;
  toAdd: number;
  toChange: number;
  toMarkLeft: number;
  markLeftNeedsConfirmation: boolean;
  unchanged: number;
  transfersIn: number;
  rejected: { line: number; upn: string | null; field: string | null; reason: string }[];
  columns: { header: string; field: string | null }[];
  unmappedColumns: string[];
  committedAt: string | null;
  failureMessage: string | null;
}
export interface ImportResult {
  import: ImportView | null;
  error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
}

export async function preview(client: SubgraphTestClient, who: Principal, input: Record<string, unknown>): Promise<ImportResult> {
  const res = await client.query<{ previewRosterImport: ImportResult }>(who, PREVIEW, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.previewRosterImport;
}

/** Commits a preview; `confirmMarkLeft` is the number of leavers the person confirmed, when they were asked. */
export async function commit(client: SubgraphTestClient, who: Principal, id: string, confirmMarkLeft?: number): Promise<ImportResult> {
  const res = await client.query<{ commitRosterImport: ImportResult }>(who, COMMIT, { id, confirmMarkLeft });
  expect(res.errors).toBeUndefined();
  return res.data!.commitRosterImport;
}

/** Polls rosterImport(id) until the commit ends; returns the end state and every processedRows seen on the way. */
export async function waitForImport(
  client: SubgraphTestClient,
  who: Principal,
  id: string,
  { timeoutMs = 120_000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<{ final: ImportView; seen: number[] }> {
  const seen: number[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.query<{ rosterImport: ImportView | null }>(who, GET_IMPORT, { id });
    const current = res.data?.rosterImport;
    if (!current) throw new Error(`import ${id} not readable: ${JSON.stringify(res.errors)}`);
    if (current.status !== 'COMMITTING') return { final: current, seen };
    seen.push(current.processedRows);
    if (Date.now() > deadline) throw new Error(`import ${id} still committing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Preview then commit, expecting a clean run; returns the preview and the committed import. */
export async function importRoster(
  client: SubgraphTestClient,
  who: Principal,
  input: Record<string, unknown>,
): Promise<{ previewed: ImportView; committed: ImportView }> {
  const previewed = await preview(client, who, input);
  expect(previewed.error).toBeNull();
  // The person read the preview and confirmed its leavers (asked for only when they are many).
  const started = await commit(client, who, previewed.import!.id, previewed.import!.toMarkLeft);
  expect(started.error).toBeNull();
  const { final } = await waitForImport(client, who, previewed.import!.id);
  expect(final.failureMessage).toBeNull();
  expect(final.status).toBe('COMMITTED');
  return { previewed: previewed.import!, committed: final };
}
