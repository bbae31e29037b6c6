import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDriver } from '@mikro-orm/pglite';
import type { EntityManager } from '@mikro-orm/sql';
import { academicYearOf } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import type { Principal } from '@waymark/auth';
import { asRequest, makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { dateInEngland } from '../school/school-calendar.js';
import { PreviewedRows, RosterImportJobs } from './roster-import.jobs.js';
import { RosterImportService } from './roster-import.service.js';
import type { RosterApiRow } from './roster-source.js';
import {
  commit,
  GET_IMPORT,
  generatePupils,
  importRoster,
  preview,
  rosterCsv,
  rosterRows,
  utf8Base64,
  waitForImport,
  win1252Base64,
  type FixturePupil,
} from '../../../test/roster-fixtures.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const academicYear = academicYearOf(new Date());
const today = dateInEngland(new Date());

const EASTFIELD = '0e5f1e1d-0000-4000-8000-000000000001';
const WESTGATE = '0e5f1e1d-0000-4000-8000-000000000002';
const OTHER_TRUST_SCHOOL = '0e5f1e1d-0000-4000-8000-000000000003';

const leaderEast = makePrincipal({ roles: ['careers_leader'], schoolId: EASTFIELD, trustId, displayName: 'Erin East' });
const otherLeaderEast = makePrincipal({ roles: ['careers_leader'], schoolId: EASTFIELD, trustId });
const leaderWest = makePrincipal({ roles: ['careers_leader'], schoolId: WESTGATE, trustId });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'], displayName: 'MIS sync' });
const readOnlyIntegration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['reports:read'] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const pupilPrincipal = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: data.pupils[0].id });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(School, { id: EASTFIELD, trustId, name: 'Eastfield High', urn: '900001', localAuthority: 'Leeds' });
  em.create(School, { id: WESTGATE, trustId, name: 'Westgate Academy', urn: '900002', localAuthority: 'Leeds' });
  em.create(School, { id: OTHER_TRUST_SCHOOL, trustId: null, name: 'Elsewhere School', urn: '900003', localAuthority: 'York' });
  await em.flush();
});

afterAll(() => subgraph?.close());

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().execute<T[]>(query, params);
}

/** Every pupil's periods at school: the past ones (enrolment rows) and the latest, which the pupil row holds. */
const PERIODS = `(select pupil_id, school_id, started_on, left_on from enrolment
  union all select id, school_id, enrolled_on, left_on from pupil) as period`;

/** The whole state an import can touch, for before/after comparisons. */
async function snapshot(schoolId?: string) {
  const where = schoolId ? 'where school_id = ?' : '';
  const params = schoolId ? [schoolId] : [];
  return {
    pupils: await sql(
      `select id, upn, school_id, left_on::text, enrolled_on::text, legal_forename, legal_surname, preferred_name, date_of_birth::text, year_group,
      tutor_group, sen_support, ehcp, disadvantaged, eal, looked_after, baseline_flags, baseline_import_id from pupil ${where} order by id`,
      params,
    ),
    enrolments: await sql(`select pupil_id, school_id, started_on::text, left_on::text from ${PERIODS} ${where} order by pupil_id, started_on`, params),
    flagChanges: await sql(`select pupil_id, "group", value, source from flag_change ${where} order by pupil_id, "group"`, params),
  };
}

/** The audit trail's CHANGE events for an import's commit. */
async function committedEvents(importId: string): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'CHANGE' and detail = ?`, [
    `Roster import ${importId} committed`,
  ]);
  return n;
}

type FlagHistory = { group: string; value: boolean; source: string; changedBy: string | null }[];

/** Each of the school's pupils' flag history, as its staff see it. */
async function flagHistories(who: Principal): Promise<Map<string, FlagHistory>> {
  const res = await client.query<{ pupils: { edges: { node: { upn: string; flagHistory: FlagHistory } }[] } }>(
    who,
    '{ pupils(first: 100) { edges { node { upn flagHistory { group value source changedBy } } } } }',
  );
  expect(res.errors).toBeUndefined();
  return new Map(res.data!.pupils.edges.map(({ node }) => [node.upn, node.flagHistory]));
}

const csvInput = (pupils: FixturePupil[], extra: Record<string, unknown> = {}, csv?: { style?: 'sims' | 'arbor' | 'bromcom'; extraRows?: string[][] }) => ({
  fileBase64: utf8Base64(rosterCsv(pupils, csv), true),
  fullRoster: true,
  ...extra,
});

describe("a school's first import, then the same file again", () => {
  const pupils = generatePupils(60, { seed: 1, academicYear });
  // Names that trip simple parsers: a comma inside quotes, an apostrophe, an accent.
  pupils[0].surname = 'Smith, Jnr';
  pupils[1].surname = 'O\u2019Brien';
  pupils[2].forename = 'Zoë "Zo"';

  it('previews without changing anything, and reads every row of a messy file', async () => {
    const before = await snapshot();
    const result = await preview(client, leaderEast, csvInput(pupils));
    expect(result.error).toBeNull();
    expect(result.import).toMatchObject({
      status: 'PREVIEWED',
      totalRows: 60,
      toAdd: 60,
      toChange: 0,
      toMarkLeft: 0,
      unchanged: 0,
      transfersIn: 0,
      rejected: [],
      unmappedColumns: [],
    });
    expect(result.import!.columns).toContainEqual({ header: 'Reg Group', field: 'tutorGroup' });
    expect(await snapshot()).toEqual(before);
  });

  it('commits exactly what was previewed: pupils, enrolments and the flags as history', async () => {
    const { previewed, committed } = await importRoster(client, leaderEast, csvInput(pupils));
    expect(committed).toMatchObject({ status: 'COMMITTED', processedRows: 60, totalRows: 60, toAdd: previewed.toAdd });
    expect(committed.committedAt).not.toBeNull();
    const state = await snapshot(EASTFIELD);
    expect(state.pupils).toHaveLength(60);
    expect(state.enrolments).toHaveLength(60);
    expect(state.enrolments.every((e) => e.started_on === today && e.left_on === null)).toBe(true);
    const oBrien = state.pupils.find((p) => p.upn === pupils[1].upn)!;
    expect(oBrien).toMatchObject({ legal_surname: 'O\u2019Brien', year_group: pupils[1].year, tutor_group: pupils[1].reg, date_of_birth: pupils[1].dob });
    expect(state.pupils.find((p) => p.upn === pupils[0].upn)!.legal_surname).toBe('Smith, Jnr');
    expect(state.pupils.find((p) => p.upn === pupils[2].upn)!.legal_forename).toBe('Zoë "Zo"');
    const expectedFlags = pupils.reduce((n, p) => n + [p.sen === 'K', p.sen === 'E', p.fsm, p.eal, p.inCare].filter(Boolean).length, 0);
    const history = [...(await flagHistories(leaderEast)).values()].flat();
    expect(history).toHaveLength(expectedFlags);
    expect(history.every((f) => f.source === 'IMPORT' && f.value === true && f.changedBy === 'Erin East')).toBe(true);
    expect((await flagHistories(leaderEast)).get(pupils[0].upn)).toEqual(
      [
        pupils[0].sen === 'K' && 'SEN_SUPPORT',
        pupils[0].sen === 'E' && 'EHCP',
        pupils[0].fsm && 'DISADVANTAGED',
        pupils[0].eal && 'EAL',
        pupils[0].inCare && 'LOOKED_AFTER',
      ]
        .filter(Boolean)
        .map((group) => ({ group, value: true, source: 'IMPORT', changedBy: 'Erin East' })),
    );
  });

  it('finds nothing to do in the same file a second time, and changes nothing committing it', async () => {
    const before = await snapshot();
    const histories = await flagHistories(leaderEast);
    const again = await importRoster(client, leaderEast, csvInput(pupils));
    expect(again.previewed).toMatchObject({ toAdd: 0, toChange: 0, toMarkLeft: 0, transfersIn: 0, unchanged: 60, rejected: [] });
    expect(await snapshot()).toEqual(before);
    expect(await flagHistories(leaderEast)).toEqual(histories);
  });

  it('reads the same pupils from an Arbor-style or a Windows-1252 export as unchanged', async () => {
    const arbor = await preview(client, leaderEast, csvInput(pupils, {}, { style: 'arbor' }));
    expect(arbor.import).toMatchObject({ unchanged: 60, toChange: 0, rejected: [] });
    const latin = await preview(client, leaderEast, { fileBase64: win1252Base64(rosterCsv(pupils, { style: 'bromcom', eol: '\n' })), fullRoster: true });
    expect(latin.import).toMatchObject({ unchanged: 60, toChange: 0, rejected: [] });
  });
});

describe('the history a first import leaves', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-000000000007';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId, displayName: 'Nia North' });
  const pupils = generatePupils(12, { seed: 10, academicYear });
  const HISTORY = `query ($id: ID!) { pupil(id: $id) { flagHistory { group value source changedBy } enrolments { school { id } startedOn leftOn } } }`;
  type Record = { flagHistory: FlagHistory; enrolments: { school: { id: string }; startedOn: string; leftOn: string | null }[] };
  const read = async (id: string) => (await client.query<{ pupil: Record }>(leader, HISTORY, { id })).data!.pupil;
  const idOf = async (upn: string) => (await sql<{ id: string }>('select id from pupil where upn = ?', [upn]))[0].id;

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'History School', urn: '900007', localAuthority: 'Leeds' });
    await em.flush();
    await importRoster(client, leader, csvInput(pupils));
  });

  it("shows a new pupil's flags as set by the import, below every change made since", async () => {
    const pupil = pupils[0];
    expect(pupil).toMatchObject({ sen: 'K', fsm: true, eal: true, inCare: true });
    const id = await idOf(pupil.upn);
    const fromImport = ['SEN_SUPPORT', 'DISADVANTAGED', 'EAL', 'LOOKED_AFTER'].map((group) => ({
      group,
      value: true,
      source: 'IMPORT',
      changedBy: 'Nia North',
    }));
    expect((await read(id)).flagHistory).toEqual(fromImport);
    const set = await client.query<{ setPupilFlags: { error: unknown } }>(
      leader,
      `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }`,
      {
        input: { pupilId: id, flags: [{ group: 'EAL', value: false }] },
      },
    );
    expect(set.data!.setPupilFlags.error).toBeNull();
    expect((await read(id)).flagHistory).toEqual([{ group: 'EAL', value: false, source: 'STAFF', changedBy: 'Nia North' }, ...fromImport]);
    // The next file still says EAL: the import changes it back, as a change of its own.
    const again = await importRoster(client, leader, csvInput(pupils));
    expect(again.previewed).toMatchObject({ toChange: 1, unchanged: 11 });
    expect((await read(id)).flagHistory).toEqual([
      { group: 'EAL', value: true, source: 'IMPORT', changedBy: 'Nia North' },
      { group: 'EAL', value: false, source: 'STAFF', changedBy: 'Nia North' },
      ...fromImport,
    ]);
  });

  it('gives a pupil who left and came back both periods here', async () => {
    const pupil = pupils[1];
    const id = await idOf(pupil.upn);
    expect((await read(id)).enrolments).toEqual([{ school: { id: SCHOOL }, startedOn: today, leftOn: null }]);
    await importRoster(client, leader, csvInput(pupils.filter((p) => p !== pupil)));
    expect((await read(id)).enrolments).toEqual([{ school: { id: SCHOOL }, startedOn: today, leftOn: today }]);
    const back = await importRoster(client, leader, csvInput(pupils, { fullRoster: false }));
    expect(back.previewed).toMatchObject({ toChange: 1, unchanged: 11 });
    expect((await read(id)).enrolments).toEqual([
      { school: { id: SCHOOL }, startedOn: today, leftOn: today },
      { school: { id: SCHOOL }, startedOn: today, leftOn: null },
    ]);
  });
});

describe('a full roster with changes, leavers and bad rows', () => {
  const pupils = generatePupils(40, { seed: 2, academicYear });
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await importRoster(client, leaderWest, csvInput(pupils));
    for (const row of await sql<{ id: string; upn: string }>('select id, upn from pupil where school_id = ?', [WESTGATE])) ids.set(row.upn, row.id);
  });

  it('reports changes, leavers and every rejected row with its line, then imports the valid rows only', async () => {
    const next = pupils.slice(0, 35).map((p) => ({ ...p }));
    next[0].reg = '7Z';
    next[1].fsm = !next[1].fsm;
    next[2].surname = 'Renamed';
    const newcomers = generatePupils(2, { seed: 3, academicYear });
    const badDob = { ...pupils[36], dob: '2012-02-30' };
    const file = [...next, ...newcomers];
    // Line numbers: header 1, then the file's rows from 2; the bad rows come last.
    const extraRows = [
      [badDob.upn, badDob.surname, badDob.forename, '', '30/02/2012', `Year ${badDob.year}`, badDob.reg, 'N', 'No', 'No', 'No'],
      ['X123', 'Nobody', 'No', '', '01/01/2012', 'Year 9', '9A', 'N', 'No', 'No', 'No'],
      [pupils[37].upn, pupils[37].surname, pupils[37].forename, '', '01/01/2012', 'Reception', '9A', 'Q', 'No', 'No', 'No'],
    ];
    const before = await snapshot();
    const result = await preview(client, leaderWest, csvInput(file, {}, { extraRows }));
    const firstBad = file.length + 2;
    expect(result.import).toMatchObject({ totalRows: 40, toAdd: 2, toChange: 3, unchanged: 32, transfersIn: 0 });
    // 40 on roll; 35 in the file and 2 on rejected rows stay; pupils[35], [38] and [39] leave.
    expect(result.import!.toMarkLeft).toBe(3);
    expect(result.import!.rejected).toEqual([
      { line: firstBad, upn: badDob.upn, field: 'dateOfBirth', reason: '"30/02/2012" in "DOB" is not a real date.' },
      { line: firstBad + 1, upn: 'X123', field: 'upn', reason: 'The UPN "X123" should be 13 characters: a letter followed by 12 digits.' },
      { line: firstBad + 2, upn: pupils[37].upn, field: 'yearGroup', reason: '"Reception" in "Year" is not a year group Waymark takes: Years 7 to 13.' },
      expect.objectContaining({ line: firstBad + 2, field: 'senStatus' }),
    ]);
    expect(await snapshot()).toEqual(before);

    const started = await commit(client, leaderWest, result.import!.id);
    expect(started.import!.status).toBe('COMMITTING');
    const { final } = await waitForImport(client, leaderWest, result.import!.id);
    expect(final.status).toBe('COMMITTED');

    const state = await snapshot(WESTGATE);
    const byUpn = new Map(state.pupils.map((p) => [p.upn, p]));
    expect(state.pupils).toHaveLength(42);
    expect(byUpn.get(next[0].upn)!.tutor_group).toBe('7Z');
    expect(byUpn.get(next[2].upn)!.legal_surname).toBe('Renamed');
    for (const left of [pupils[35], pupils[38], pupils[39]]) {
      expect(byUpn.get(left.upn)).toMatchObject({ id: ids.get(left.upn), left_on: today });
      expect(state.enrolments.find((e) => e.pupil_id === ids.get(left.upn))!.left_on).toBe(today);
    }
    for (const kept of [pupils[36], pupils[37]]) expect(byUpn.get(kept.upn)!.left_on).toBeNull();
    expect(byUpn.get(pupils[36].upn)!.date_of_birth).toBe(pupils[36].dob);
    const fsmChange = state.flagChanges.filter((f) => f.pupil_id === ids.get(next[1].upn) && f.group === 'DISADVANTAGED');
    expect(fsmChange.map((f) => f.value)).toContain(next[1].fsm);
  });

  it('commits a previewed import once only', async () => {
    const result = await preview(client, leaderWest, csvInput(pupils.slice(0, 35), { fullRoster: false }));
    await commit(client, leaderWest, result.import!.id);
    await waitForImport(client, leaderWest, result.import!.id);
    const again = await commit(client, leaderWest, result.import!.id);
    expect(again.error!.code).toBe('ROSTER_IMPORT_NOT_PREVIEWED');
  });
});

describe('a full roster that would mark many pupils as left', () => {
  const LAKESIDE = '0e5f1e1d-0000-4000-8000-0000000000a1';
  const leaderLake = makePrincipal({ roles: ['careers_leader'], schoolId: LAKESIDE, trustId });
  const pupils = generatePupils(30, { seed: 21, academicYear });

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: LAKESIDE, trustId, name: 'Lakeside School', urn: '900021', localAuthority: 'Leeds' });
    await em.flush();
    await importRoster(client, leaderLake, csvInput(pupils));
  });

  it('asks nothing when at most a tenth of the pupils on roll leave, or when the file is not a full roster', async () => {
    const fewLeave = await preview(client, leaderLake, csvInput(pupils.slice(0, 27)));
    expect(fewLeave.import).toMatchObject({ toMarkLeft: 3, markLeftNeedsConfirmation: false });
    const partial = await preview(client, leaderLake, csvInput(pupils.slice(0, 3), { fullRoster: false }));
    expect(partial.import).toMatchObject({ toMarkLeft: 0, markLeftNeedsConfirmation: false });
  });

  it('is committed only once the person confirms how many leave, and a wrong number changes nothing', async () => {
    // Three rows of a 30-pupil school with "full roster" left on: the classic slip.
    const result = await preview(client, leaderLake, csvInput(pupils.slice(0, 3)));
    expect(result.import).toMatchObject({ toMarkLeft: 27, markLeftNeedsConfirmation: true });
    const before = await snapshot(LAKESIDE);

    const unconfirmed = await commit(client, leaderLake, result.import!.id);
    expect(unconfirmed.error).toMatchObject({ code: 'ROSTER_MARK_LEFT_NOT_CONFIRMED', fields: [{ field: 'confirmMarkLeft' }] });
    expect(unconfirmed.error!.message).toMatch(/marks 27 of your 30 pupils on roll as left/);
    const wrong = await commit(client, leaderLake, result.import!.id, 3);
    expect(wrong.error!.code).toBe('ROSTER_MARK_LEFT_NOT_CONFIRMED');
    expect(await snapshot(LAKESIDE)).toEqual(before);

    const confirmed = await commit(client, leaderLake, result.import!.id, 27);
    expect(confirmed.error).toBeNull();
    const { final } = await waitForImport(client, leaderLake, result.import!.id);
    expect(final).toMatchObject({ status: 'COMMITTED', markLeftNeedsConfirmation: false });
    expect((await sql('select id from pupil where school_id = ? and left_on is null', [LAKESIDE])).length).toBe(3);
  });
});

describe('column mapping', () => {
  const pupils = generatePupils(5, { seed: 4, academicYear });
  const custom = (p: FixturePupil[]) =>
    utf8Base64(
      ['Pupil Ref,Surname,Forename,DOB,Curriculum Stage,House,Gender', ...p.map((x) => `${x.upn},${x.surname},${x.forename},${x.dob},${x.year},Red,F`)].join(
        '\n',
      ),
    );
  const SCHOOL = '0e5f1e1d-0000-4000-8000-000000000004';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId });

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Mapping School', urn: '900004', localAuthority: 'Leeds' });
    await em.flush();
  });

  it('asks for the columns it needs, listing the headers it did not recognise', async () => {
    const result = await preview(client, leader, { fileBase64: custom(pupils), fullRoster: false });
    expect(result.error!.code).toBe('ROSTER_COLUMNS_MISSING');
    expect(result.error!.fields.map((f) => f.field)).toEqual(['upn', 'yearGroup']);
    expect(result.import!.unmappedColumns).toEqual(['Pupil Ref', 'Curriculum Stage', 'House', 'Gender']);
    const refused = await commit(client, leader, result.import!.id);
    expect(refused.error!.code).toBe('ROSTER_COLUMNS_MISSING');
  });

  it('refuses a mapping to a field that does not exist', async () => {
    const result = await preview(client, leader, { fileBase64: custom(pupils), fullRoster: false, mapping: [{ header: 'House', field: 'house' }] });
    expect(result.error!.code).toBe('ROSTER_INPUT_INVALID');
    expect(result.import).toBeNull();
  });

  it("uses the leader's mapping, and remembers it for the school's next file", async () => {
    const mapping = [
      { header: 'Pupil Ref', field: 'upn' },
      { header: 'Curriculum Stage', field: 'yearGroup' },
      { header: 'House', field: null },
      { header: 'Gender', field: null },
    ];
    const mapped = await preview(client, leader, { fileBase64: custom(pupils), fullRoster: false, mapping });
    expect(mapped.error).toBeNull();
    expect(mapped.import).toMatchObject({ toAdd: 5, unmappedColumns: [] });
    const later = await preview(client, leader, { fileBase64: custom(pupils), fullRoster: false });
    expect(later.error).toBeNull();
    expect(later.import!.columns).toEqual([
      { header: 'Pupil Ref', field: 'upn' },
      { header: 'Surname', field: 'legalSurname' },
      { header: 'Forename', field: 'legalForename' },
      { header: 'DOB', field: 'dateOfBirth' },
      { header: 'Curriculum Stage', field: 'yearGroup' },
      { header: 'House', field: null },
      { header: 'Gender', field: null },
    ]);
    // Another school's leader has their own memory.
    const west = await preview(client, leaderWest, { fileBase64: custom(pupils), fullRoster: false });
    expect(west.error!.code).toBe('ROSTER_COLUMNS_MISSING');
  });

  it('lists the fields a column can map to', async () => {
    const res = await client.query<{ rosterFields: { key: string; required: boolean }[] }>(leader, '{ rosterFields { key label required } }');
    expect(res.data!.rosterFields.filter((f) => f.required).map((f) => f.key)).toEqual(['upn', 'legalSurname', 'legalForename', 'dateOfBirth', 'yearGroup']);
  });
});

describe('who may import and read an import', () => {
  const pupils = generatePupils(3, { seed: 5, academicYear });
  let importId: string;

  it('lets a trust integration import rows into a school of its trust, with the same report', async () => {
    const result = await preview(client, integration, {
      rows: [...rosterRows(pupils), { ...rosterRows(pupils)[0], upn: 'bad' }],
      fullRoster: false,
      schoolId: EASTFIELD,
    });
    expect(result.error).toBeNull();
    expect(result.import).toMatchObject({ toAdd: 3, totalRows: 4, rejected: [expect.objectContaining({ line: 4, field: 'upn' })] });
    importId = result.import!.id;
  });

  it('shows an import to its author and the trust integration only', async () => {
    for (const who of [integration]) {
      const res = await client.query<{ rosterImport: { id: string } | null }>(who, GET_IMPORT, { id: importId });
      expect(res.data!.rosterImport?.id).toBe(importId);
    }
    for (const who of [otherLeaderEast, leaderEast, leaderNorth, analyst]) {
      const res = await client.query<{ rosterImport: unknown }>(who, GET_IMPORT, { id: importId });
      expect(res.data!.rosterImport).toBeNull();
    }
    // rosterImport needs roster:write in the API scope catalogue.
    const readOnly = await client.query<{ rosterImport: unknown }>(readOnlyIntegration, GET_IMPORT, { id: importId });
    expect(readOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(readOnly.data ?? null).toBeNull();
    const refused = await commit(client, leaderEast, importId);
    expect(refused.error!.code).toBe('ROSTER_IMPORT_NOT_FOUND');
    const started = await commit(client, integration, importId);
    expect(started.error).toBeNull();
    expect((await waitForImport(client, integration, importId)).final.status).toBe('COMMITTED');
  });

  it("needs a school of the integration's own trust", async () => {
    const missing = await preview(client, integration, { rows: rosterRows(pupils), fullRoster: false });
    expect(missing.error).toMatchObject({ code: 'ROSTER_INPUT_INVALID', fields: [{ field: 'schoolId' }] });
    const foreign = await preview(client, integration, { rows: rosterRows(pupils), fullRoster: false, schoolId: OTHER_TRUST_SCHOOL });
    expect(foreign.error!.code).toBe('ROSTER_UNKNOWN_SCHOOL');
  });

  it('forbids integrations without roster:write, analysts, pupils, and staff naming another school', async () => {
    const cases = [
      { who: readOnlyIntegration, schoolId: EASTFIELD },
      { who: analyst, schoolId: EASTFIELD },
      { who: leaderEast, schoolId: WESTGATE },
    ];
    for (const { who, schoolId } of cases) {
      const res = await client.query(who, `mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { error { code } } }`, {
        input: { rows: rosterRows(pupils), fullRoster: false, schoolId },
      });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const res = await client.query(pupilPrincipal, `mutation { previewRosterImport(input: { rows: [], fullRoster: false }) { error { code } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an empty file, and a file and rows together', async () => {
    expect((await preview(client, leaderEast, { fileBase64: utf8Base64('UPN,Surname\r\n\r\n'), fullRoster: true })).error!.code).toBe('ROSTER_EMPTY');
    expect((await preview(client, leaderEast, { fileBase64: utf8Base64('x'), rows: [], fullRoster: true })).error!.code).toBe('ROSTER_INPUT_INVALID');
  });
});

describe('characters no roster holds', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-00000000000d';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId });
  const pupils = generatePupils(3, { seed: 18, academicYear });
  const NUL = '\u0000';

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Plain Text School', urn: '900013', localAuthority: 'Leeds' });
    await em.flush();
  });

  it('rejects the rows with a NUL or other control character, and still imports the rest', async () => {
    const rows = rosterRows(pupils);
    rows[0] = { ...rows[0], legalSurname: `Sm${NUL}ith` };
    rows[1] = { ...rows[1], dateOfBirth: `01/0${NUL}1/2012`, tutorGroup: '9\u0007A' };
    const { previewed, committed } = await importRoster(client, leader, { rows, fullRoster: false });
    expect(previewed).toMatchObject({ toAdd: 1, totalRows: 3 });
    expect(previewed.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'legalSurname'],
      [2, 'dateOfBirth'],
      [2, 'tutorGroup'],
    ]);
    expect(JSON.stringify(previewed.rejected)).not.toMatch(/\\u0000|\\u0007/);
    expect(previewed.rejected[0].reason).toMatch(/character/);
    expect(committed.status).toBe('COMMITTED');
    expect((await sql('select upn from pupil where school_id = ?', [SCHOOL])).map((r) => r.upn)).toEqual([pupils[2].upn]);
  });

  it('does not echo a megabyte of a bad value back in the reason', async () => {
    const rows = rosterRows(pupils.slice(0, 1));
    rows[0] = { ...rows[0], upn: 'X'.repeat(1_000_000) };
    const result = await preview(client, leader, { rows, fullRoster: false });
    expect(result.import!.rejected).toHaveLength(1);
    expect(result.import!.rejected[0].reason.length).toBeLessThan(200);
    expect(result.import!.rejected[0].upn!.length).toBeLessThan(200);
  });

  it('refuses a file that is not text (a spreadsheet workbook, say) before storing anything', async () => {
    const imports = await sql('select count(*)::int as n from roster_import where school_id = ?', [SCHOOL]);
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00', 'latin1'), Buffer.from(rosterCsv(pupils))]).toString(
      'base64',
    );
    const nulInHeader = utf8Base64(rosterCsv(pupils).replace('Reg Group', `Reg${NUL}Group`));
    for (const fileBase64 of [workbook, nulInHeader]) {
      const result = await preview(client, leader, { fileBase64, fullRoster: false });
      expect(result.import).toBeNull();
      expect(result.error).toMatchObject({ code: 'ROSTER_NOT_TEXT', message: expect.stringContaining('CSV') });
    }
    expect(await sql('select count(*)::int as n from roster_import where school_id = ?', [SCHOOL])).toEqual(imports);
  });

  it('refuses a column choice it could not keep', async () => {
    for (const header of [`House${NUL}`, 'H'.repeat(256)]) {
      const result = await preview(client, leader, { rows: rosterRows(pupils), fullRoster: false, mapping: [{ header, field: null }] });
      expect(result.error).toMatchObject({ code: 'ROSTER_INPUT_INVALID', fields: [expect.objectContaining({ field: 'mapping' })] });
    }
  });
});

describe('clashes and transfers between schools', () => {
  const northPupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;
  const asFixture = (p: typeof northPupil): FixturePupil => ({
    upn: p.upn,
    surname: p.legalSurname,
    forename: p.legalForename,
    preferred: p.preferredName,
    dob: p.dateOfBirth,
    year: p.yearGroup ?? 13,
    reg: '9S1',
    sen: 'N',
    fsm: false,
    eal: false,
    inCare: false,
  });

  it('rejects a UPN on roll at another school, without naming it', async () => {
    const result = await preview(client, leaderSouth, csvInput([asFixture(northPupil)], { fullRoster: false }));
    expect(result.import).toMatchObject({ toAdd: 0, transfersIn: 0 });
    expect(result.import!.rejected).toEqual([{ line: 2, upn: northPupil.upn, field: 'upn', reason: expect.stringContaining('on roll at another school') }]);
    expect(result.import!.rejected[0].reason).not.toContain(northfield.name);
  });

  it('moves a pupil who left another school: the same row, a new enrolment, the history kept', async () => {
    await sql('update pupil set left_on = ? where id = ?', ['2026-10-31', northPupil.id]);
    const { previewed } = await importRoster(client, leaderSouth, csvInput([asFixture(northPupil)], { fullRoster: false }));
    expect(previewed).toMatchObject({ transfersIn: 1, toAdd: 0, rejected: [] });
    const [row] = await sql('select id, school_id, left_on, tutor_group from pupil where upn = ?', [northPupil.upn]);
    expect(row).toEqual({ id: northPupil.id, school_id: southbank.id, left_on: null, tutor_group: '9S1' });
    const enrolments = await sql(`select school_id, left_on::text from ${PERIODS} where pupil_id = ? order by started_on`, [northPupil.id]);
    expect(enrolments).toEqual([
      { school_id: northfield.id, left_on: '2026-10-31' },
      { school_id: southbank.id, left_on: null },
    ]);
  });
});

describe('a pupil known at another school: only their own identity moves them', () => {
  const FORMER = '0e5f1e1d-0000-4000-8000-000000000009';
  const NEW = '0e5f1e1d-0000-4000-8000-00000000000a';
  const leaderFormer = makePrincipal({ roles: ['careers_leader'], schoolId: FORMER, trustId, displayName: 'Fay Former' });
  const leaderNew = makePrincipal({ roles: ['careers_leader'], schoolId: NEW, trustId, displayName: 'Ned New' });
  const pupils = generatePupils(6, { seed: 12, academicYear });
  // 0 and 1 stay on roll at FORMER; 2 to 5 leave it.
  const [onRoll, , leaver, toTransfer, toRename] = pupils;
  const neverSeen = generatePupils(1, { seed: 13, academicYear })[0];
  const madeUp = (upn: string): FixturePupil => ({ ...neverSeen, upn, surname: 'Madeup', forename: 'Nobody', dob: neverSeen.dob });
  const one = (p: FixturePupil) => csvInput([p], { fullRoster: false });
  const PUPIL = `query ($id: ID!) { pupil(id: $id) { id upn dateOfBirth recordAccess { current } } }`;
  const row = async (upn: string) =>
    (await sql('select id, school_id, left_on::text, legal_forename, legal_surname, date_of_birth::text from pupil where upn = ?', [upn]))[0];

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: FORMER, trustId, name: 'Former School', urn: '900009', localAuthority: 'Leeds' });
    em.create(School, { id: NEW, trustId: null, name: 'New School', urn: '900010', localAuthority: 'Hull' });
    await em.flush();
    await importRoster(client, leaderFormer, csvInput(pupils));
    await importRoster(client, leaderFormer, csvInput(pupils.slice(0, 2)));
  });

  it('does not hand a leaver to a school that knows only their UPN, nor let it rewrite who they are', async () => {
    const before = await snapshot();
    const { previewed, committed } = await importRoster(client, leaderNew, one(madeUp(leaver.upn)));
    // The preview looked like a new pupil (see the next test); the commit leaves the row out and says why.
    expect(previewed).toMatchObject({ toAdd: 1, transfersIn: 0, rejected: [] });
    expect(committed).toMatchObject({ status: 'COMMITTED', toAdd: 0, transfersIn: 0 });
    expect(committed.rejected).toEqual([{ line: 2, upn: leaver.upn, field: null, reason: expect.stringMatching(/^Not imported.*previous school/s) }]);
    expect(await snapshot()).toEqual(before);
    const moved = await row(leaver.upn);
    expect(moved).toMatchObject({ school_id: FORMER, legal_surname: leaver.surname, legal_forename: leaver.forename, date_of_birth: leaver.dob });
    // So the importing school has no way into the record (nor, through it, the former school's activities and destinations).
    const read = await client.query<{ pupil: unknown }>(leaderNew, PUPIL, { id: moved.id });
    expect(read.data!.pupil).toBeNull();
  });

  it('does not take a pupil on roll elsewhere either, whatever the made-up details', async () => {
    const before = await snapshot();
    const { committed } = await importRoster(client, leaderNew, one(madeUp(onRoll.upn)));
    expect(committed.rejected).toEqual([expect.objectContaining({ upn: onRoll.upn, reason: expect.stringContaining('Not imported') })]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a preview of a UPN known elsewhere, under other details, exactly as one Waymark has never seen', async () => {
    const comparable = (result: Awaited<ReturnType<typeof preview>>, upn: string) =>
      JSON.parse(JSON.stringify({ ...result, import: { ...result.import!, id: 'x', createdAt: 'x' } }).replaceAll(upn, 'UPN'));
    for (const fullRoster of [false, true]) {
      const unknown = comparable(await preview(client, leaderNew, csvInput([madeUp(neverSeen.upn)], { fullRoster })), neverSeen.upn);
      expect(unknown.import).toMatchObject({ toAdd: 1, transfersIn: 0, rejected: [] });
      for (const known of [leaver, onRoll]) {
        expect(comparable(await preview(client, leaderNew, csvInput([madeUp(known.upn)], { fullRoster })), known.upn)).toEqual(unknown);
        // Right name, wrong date of birth; right date of birth, wrong name: still nothing to tell them apart.
        const halfRight = [
          { ...known, dob: neverSeen.dob === known.dob ? '2012-01-01' : neverSeen.dob },
          { ...known, surname: 'Madeup' },
        ];
        for (const guess of halfRight) {
          const result = comparable(await preview(client, leaderNew, csvInput([guess], { fullRoster })), known.upn);
          expect(result.import).toMatchObject({ toAdd: 1, transfersIn: 0, toChange: 0, unchanged: 0, rejected: [] });
        }
      }
    }
  });

  it('moves a leaver whose UPN, legal name and date of birth all match, ignoring case, accents and spaces, and keeps their details', async () => {
    const stored = await row(toTransfer.upn);
    const asTyped = {
      ...toTransfer,
      surname: ` ${toTransfer.surname.toUpperCase()} `,
      forename: toTransfer.forename.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      reg: '9N',
    };
    const { previewed, committed } = await importRoster(client, leaderNew, one(asTyped));
    expect(previewed).toMatchObject({ transfersIn: 1, toAdd: 0, rejected: [] });
    expect(committed.rejected).toEqual([]);
    expect(await row(toTransfer.upn)).toEqual({ ...stored, school_id: NEW, left_on: null });
    const read = await client.query<{ pupil: { recordAccess: { current: boolean } } }>(leaderNew, PUPIL, { id: stored.id });
    expect(read.data!.pupil.recordAccess.current).toBe(true);
  });

  it("still tells someone who knows the pupil's identity that they are on roll at another school", async () => {
    const result = await preview(client, leaderNew, one(onRoll));
    expect(result.import).toMatchObject({ toAdd: 0, transfersIn: 0 });
    expect(result.import!.rejected).toEqual([expect.objectContaining({ upn: onRoll.upn, reason: expect.stringContaining('on roll at another school') })]);
  });

  it('never changes the legal name or date of birth of a pupil who came from another school', async () => {
    await importRoster(client, leaderNew, one(toRename));
    const stored = await row(toRename.upn);
    expect(stored.school_id).toBe(NEW);
    for (const changed of [
      { ...toRename, surname: 'Someone-Else' },
      { ...toRename, forename: 'Other' },
      { ...toRename, dob: neverSeen.dob },
    ]) {
      const result = await preview(client, leaderNew, one({ ...changed, reg: '9Z' }));
      expect(result.import).toMatchObject({ toChange: 0, unchanged: 0, toAdd: 0 });
      expect(result.import!.rejected).toEqual([{ line: 2, upn: toRename.upn, field: null, reason: expect.stringContaining('came from another school') }]);
    }
    // Their other details still update, and the same identity typed differently changes nothing.
    const { committed } = await importRoster(client, leaderNew, one({ ...toRename, surname: toRename.surname.toLowerCase(), reg: '9Z' }));
    expect(committed).toMatchObject({ toChange: 1, rejected: [] });
    expect(await row(toRename.upn)).toEqual(stored);
    expect((await sql('select tutor_group from pupil where upn = ?', [toRename.upn]))[0].tutor_group).toBe('9Z');
  });

  it('still lets a school correct the names of a pupil who has only ever been theirs', async () => {
    const { committed } = await importRoster(client, leaderFormer, one({ ...onRoll, surname: 'Corrected' }));
    expect(committed).toMatchObject({ toChange: 1, rejected: [] });
    expect((await row(onRoll.upn)).legal_surname).toBe('Corrected');
  });
});

describe('a commit that fails or finds the roster changed', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-000000000005';
  const leader = makePrincipal({ roles: ['careers_leader', 'staff'], schoolId: SCHOOL, trustId });
  const pupils = generatePupils(2500, { seed: 6, academicYear });

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Failing School', urn: '900005', localAuthority: 'Leeds' });
    await em.flush();
    await importRoster(client, leader, { rows: rosterRows(pupils.slice(0, 100)), fullRoster: false });
  });

  it('leaves the database as it was when a statement fails half-way through', async () => {
    // A trigger stands in for any database failure: it fires on the last pupil, after the first
    // batch of 2,000 pupils has been written inside the transaction.
    const poison = pupils[2499].upn;
    await sql(`create function refuse_poison() returns trigger language plpgsql as $$ begin
      if new.upn = '${poison}' then raise exception 'poisoned row'; end if; return new; end $$`);
    await sql('create trigger refuse_poison before insert or update on pupil for each row execute function refuse_poison()');
    try {
      const changed = pupils.map((p, i) => (i < 100 ? { ...p, reg: 'CHANGED' } : p));
      const result = await preview(client, leader, { rows: rosterRows(changed), fullRoster: true });
      expect(result.import).toMatchObject({ toAdd: 2400, toChange: 100 });
      const before = await snapshot();
      const imports = await sql('select count(*)::int as n from roster_import');
      await commit(client, leader, result.import!.id);
      const { final } = await waitForImport(client, leader, result.import!.id);
      expect(final.status).toBe('FAILED');
      expect(final.failureMessage).toMatch(/nothing was imported/);
      expect(final.processedRows).toBe(0);
      expect(await snapshot()).toEqual(before);
      expect(await sql('select count(*)::int as n from roster_import')).toEqual(imports);
    } finally {
      await sql('drop trigger refuse_poison on pupil');
      await sql('drop function refuse_poison()');
    }
  });

  it('fails cleanly when the roster changed after the preview', async () => {
    const changed = pupils.slice(0, 100).map((p) => ({ ...p, reg: 'NEW' }));
    const result = await preview(client, leader, { rows: rosterRows(changed), fullRoster: false });
    const [target] = await sql<{ id: string }>('select id from pupil where upn = ?', [pupils[5].upn]);
    const flags = await client.query<{ setPupilFlags: { error: unknown } }>(
      leader,
      `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }`,
      {
        input: { pupilId: target.id, flags: [{ group: 'YOUNG_CARER', value: true }] },
      },
    );
    expect(flags.data!.setPupilFlags.error).toBeNull();
    const before = await snapshot();
    await commit(client, leader, result.import!.id);
    const { final } = await waitForImport(client, leader, result.import!.id);
    expect(final).toMatchObject({ status: 'FAILED', failureMessage: expect.stringContaining('roster changed after this preview') });
    expect(await snapshot()).toEqual(before);
    // Nothing changed, so the audit trail records no change either.
    expect(await committedEvents(result.import!.id)).toBe(0);
  });

  it('records the failure of a commit that fails before the request that started it has ended', async () => {
    // The commit is claimed in the request's transaction, and runs from that moment. One that fails at
    // once (here: the roster changed) must still end FAILED once that transaction commits.
    const changed = pupils.slice(0, 100).map((p) => ({ ...p, reg: 'LATE' }));
    const result = await preview(client, leader, { rows: rosterRows(changed), fullRoster: false });
    const id = result.import!.id;
    await sql("update pupil set tutor_group = 'MOVED' where upn = ?", [pupils[6].upn]);
    const request = orm.em.fork();
    await request.begin();
    const jobs = new RosterImportJobs();
    const service = new RosterImportService(request, jobs, new PreviewedRows(), () => undefined);
    expect((await service.commit(leader, id)).error).toBeNull();
    if (!(orm.em.getDriver() instanceof PgliteDriver)) {
      // The claim stays uncommitted until the commit has ended, or waits for it. (On PGlite, one
      // connection, the commit cannot start before the request's transaction has ended.)
      const [{ pid }] = await request.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      let ended = false;
      void jobs.settled(id).then(() => (ended = true));
      while (!ended && (await sql('select 1 from pg_stat_activity where ? = any(pg_blocking_pids(pid))', [pid])).length === 0);
    }
    await request.commit();
    await jobs.settled(id);
    const [row] = await sql('select status, failure_message from roster_import where id = ?', [id]);
    expect(row).toMatchObject({ status: 'FAILED', failure_message: expect.stringContaining('roster changed after this preview') });
  });

  it('runs two commits of one school one after the other: one lands whole, the other finds the roster changed', async () => {
    const base = pupils.slice(0, 100);
    const a = [...base.map((p) => ({ ...p, reg: 'A' })), ...generatePupils(50, { seed: 7, academicYear })];
    const b = [...base.map((p) => ({ ...p, reg: 'B' })), ...generatePupils(50, { seed: 8, academicYear })];
    const previewA = await preview(client, leader, { rows: rosterRows(a), fullRoster: false });
    const previewB = await preview(client, leader, { rows: rosterRows(b), fullRoster: false });
    const [startA, startB] = await Promise.all([commit(client, leader, previewA.import!.id), commit(client, leader, previewB.import!.id)]);
    expect([startA.error, startB.error]).toEqual([null, null]);
    const [endA, endB] = await Promise.all([waitForImport(client, leader, previewA.import!.id), waitForImport(client, leader, previewB.import!.id)]);
    const statuses = [endA.final.status, endB.final.status].sort();
    expect(statuses).toEqual(['COMMITTED', 'FAILED']);
    const winner = endA.final.status === 'COMMITTED' ? a : b;
    const loser = winner === a ? b : a;
    const tutorGroups = await sql<{ tutor_group: string }>('select distinct tutor_group from pupil where upn in (select jsonb_array_elements_text(?::jsonb))', [
      JSON.stringify(base.map((p) => p.upn)),
    ]);
    expect(tutorGroups).toEqual([{ tutor_group: winner === a ? 'A' : 'B' }]);
    const count = async (list: FixturePupil[]) =>
      (
        await sql<{ n: number }>('select count(*)::int as n from pupil where upn in (select jsonb_array_elements_text(?::jsonb))', [
          JSON.stringify(list.slice(100).map((p) => p.upn)),
        ])
      )[0].n;
    expect(await count(winner)).toBe(50);
    expect(await count(loser)).toBe(0);
  });
});

describe('a commit cut off part-way', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-00000000000b';
  const ELSEWHERE = '0e5f1e1d-0000-4000-8000-00000000000c';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId, displayName: 'Cai Cut' });
  const leaderElsewhere = makePrincipal({ roles: ['careers_leader'], schoolId: ELSEWHERE, trustId });
  const onRoll = generatePupils(110, { seed: 14, academicYear });
  const arriving = generatePupils(21, { seed: 15, academicYear });
  const newcomers = generatePupils(5480, { seed: 16, academicYear });
  // More writes than one batch on either database (5,000 on PostgreSQL, 2,000 on PGlite): the commit is
  // cut off after its first batch, with pupils added, changed and transferred in, and flags recorded.
  const file = [...onRoll.slice(0, 100).map((p) => ({ ...p, fsm: !p.fsm })), ...arriving.slice(0, 20), ...newcomers];

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Cut-off School', urn: '900011', localAuthority: 'Leeds' });
    em.create(School, { id: ELSEWHERE, trustId, name: 'Elsewhere Academy', urn: '900012', localAuthority: 'Leeds' });
    await em.flush();
    await importRoster(client, leader, { rows: rosterRows(onRoll), fullRoster: true });
    await importRoster(client, leaderElsewhere, { rows: rosterRows(arriving), fullRoster: true });
    // All but one of them leave Elsewhere Academy, so twenty can transfer in.
    await importRoster(client, leaderElsewhere, { rows: rosterRows(arriving.slice(20)), fullRoster: true });
  });

  /**
   * On PostgreSQL the commit's own connection is killed from outside, as when the process dies or the
   * network drops: the server, not the code, ends the transaction. PGlite runs inside this process on
   * one connection, so there is nothing to cut; there the commit fails by an error thrown at that point.
   */
  const onPostgres = () => !(orm.em.getDriver() instanceof PgliteDriver);

  async function cutOff(tx: EntityManager): Promise<void> {
    if (!onPostgres()) throw new Error('cut off part-way');
    const [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
    // With a timeout, PostgreSQL waits until the backend has really gone (without one it only signals,
    // and the check below could still find it on a busy machine).
    await sql('select pg_terminate_backend(?, 30000)', [pid]);
    expect(await sql('select 1 from pg_stat_activity where pid = ?', [pid])).toEqual([]);
  }

  it('leaves the school exactly as it was, and a second commit lands every row once', async () => {
    const result = await preview(client, leader, { rows: rosterRows(file), fullRoster: true });
    expect(result.import).toMatchObject({ toAdd: 5480, toChange: 100, transfersIn: 20, toMarkLeft: 10, rejected: [] });
    const id = result.import!.id;
    const before = await snapshot();

    const jobs = new RosterImportJobs();
    let batches = 0;
    const service = new RosterImportService(orm.em.fork(), jobs, new PreviewedRows(), () => undefined, {
      afterBatch: async (tx) => {
        batches += 1;
        const [{ n }] = await tx.execute<{ n: number }[]>('select count(*)::int as n from pupil where school_id = ?', [SCHOOL]);
        // The first batch really is written, inside the transaction, when the commit is cut off.
        expect(n).toBeGreaterThan(110 + 1000);
        await cutOff(tx);
      },
    });
    expect((await service.commit(leader, id)).error).toBeNull();
    await jobs.settled(id);
    expect(batches).toBe(1);
    if (onPostgres()) {
      // The dead connection left the pool rather than staying checked out for good.
      const pool = await (orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ totalCount: number; idleCount: number }> }).getNativeClient();
      expect(pool.totalCount - pool.idleCount).toBe(0);
    }

    expect(await snapshot()).toEqual(before);
    const [failed] = await sql('select status, processed_rows, committed_at, committed_by_id, failure_message from roster_import where id = ?', [id]);
    expect(failed).toMatchObject({
      status: 'FAILED',
      processed_rows: 0,
      committed_at: null,
      committed_by_id: null,
      failure_message: expect.stringContaining('nothing was imported'),
    });
    expect(await committedEvents(id)).toBe(0);

    // Committed again, through the API as the leader would: every row lands, once.
    const again = await commit(client, leader, id);
    expect(again.error).toBeNull();
    const { final } = await waitForImport(client, leader, id);
    expect(final).toMatchObject({ status: 'COMMITTED', processedRows: 5600, failureMessage: null, toAdd: 5480, rejected: [] });
    const after = await snapshot(SCHOOL);
    expect(after.pupils.filter((p) => p.left_on === null)).toHaveLength(5600);
    expect(after.pupils.filter((p) => p.left_on === today)).toHaveLength(10);
    const upns = await sql<{ upn: string; n: number }>(
      'select upn, count(*)::int as n from pupil where upn in (select jsonb_array_elements_text(?::jsonb)) group by upn',
      [JSON.stringify(file.map((p) => p.upn))],
    );
    expect(upns).toHaveLength(5600);
    expect(upns.every((row) => row.n === 1)).toBe(true);
    // Each arrival's time at Elsewhere Academy became history once; each changed flag was recorded once.
    const periods = await sql<{ n: number }>(`select count(*)::int as n from enrolment where school_id = ?`, [ELSEWHERE]);
    expect(periods[0].n).toBe(20);
    const flags = await sql<{ n: number }>(`select count(*)::int as n from flag_change where school_id = ? and "group" = 'DISADVANTAGED'`, [SCHOOL]);
    expect(flags[0].n).toBe(100);
    expect(await committedEvents(id)).toBe(1);
    expect((await commit(client, leader, id)).error!.code).toBe('ROSTER_IMPORT_NOT_PREVIEWED');
  });

  it('commits again, once, an import whose commit a restart cut off', async () => {
    const rows = rosterRows(generatePupils(30, { seed: 17, academicYear }));
    const result = await preview(client, leader, { rows, fullRoster: false });
    const id = result.import!.id;
    const before = await snapshot();
    // What a process killed mid-commit leaves: COMMITTING, some progress, and no sign of life for eleven minutes.
    await sql(
      `update roster_import set status = 'COMMITTING', processed_rows = 12, commit_started_at = now() - interval '11 minutes',
      heartbeat_at = now() - interval '11 minutes' where id = ?`,
      [id],
    );
    const shown = await client.query<{ rosterImport: { status: string; processedRows: number; failureMessage: string } }>(leader, GET_IMPORT, { id });
    expect(shown.data!.rosterImport).toMatchObject({ status: 'FAILED', processedRows: 0, failureMessage: expect.stringContaining('Commit the import again') });
    expect(await snapshot()).toEqual(before);
    expect((await commit(client, leader, id)).error).toBeNull();
    const { final } = await waitForImport(client, leader, id);
    expect(final).toMatchObject({ status: 'COMMITTED', processedRows: 30, toAdd: 30, failureMessage: null });
    const landed = await sql<{ n: number }>('select count(*)::int as n from pupil where upn in (select jsonb_array_elements_text(?::jsonb))', [
      JSON.stringify(rows.map((r) => r.upn)),
    ]);
    expect(landed[0].n).toBe(30);
    expect((await commit(client, leader, id)).error!.code).toBe('ROSTER_IMPORT_NOT_PREVIEWED');
  });
});

describe('a commit where the preview was made by another process', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-000000000008';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId });
  const pupils = generatePupils(30, { seed: 11, academicYear });

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Replica School', urn: '900008', localAuthority: 'Leeds' });
    await em.flush();
  });

  it('commits exactly the rows the preview stored', async () => {
    const jobs = new RosterImportJobs();
    const rows: RosterApiRow[] = rosterRows(pupils);
    rows[3] = { ...rows[3], preferredName: null, tutorGroup: null };
    delete rows[4].tutorGroup;
    const previewed = await asRequest(orm, leader, (em) => new RosterImportService(em, jobs, new PreviewedRows()).preview(leader, { rows, fullRoster: false }));
    const id = previewed.rosterImport!.id;
    // Nothing in memory here, as on another replica or after a restart: the rows come from the database.
    const started = await new RosterImportService(orm.em.fork(), jobs, new PreviewedRows()).commit(leader, id);
    expect(started.error).toBeNull();
    await jobs.settled(id);
    expect(await sql('select status, processed_rows from roster_import where id = ?', [id])).toEqual([{ status: 'COMMITTED', processed_rows: 30 }]);
    const byUpn = new Map((await snapshot(SCHOOL)).pupils.map((p) => [p.upn, p]));
    expect(byUpn.size).toBe(30);
    expect(byUpn.get(pupils[0].upn)).toMatchObject({ tutor_group: pupils[0].reg, disadvantaged: pupils[0].fsm, enrolled_on: today, baseline_import_id: id });
    expect(byUpn.get(pupils[3].upn)).toMatchObject({ tutor_group: null, preferred_name: null });
    expect(byUpn.get(pupils[4].upn)!.tutor_group).toBeNull();
  });
});

describe('a 1,500-pupil school file', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-000000000006';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId });
  const pupils = generatePupils(1500, { seed: 9, academicYear });

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Big School', urn: '900006', localAuthority: 'Leeds' });
    await em.flush();
  });

  it('imports through the API as a leader would, then finds it unchanged', async () => {
    const started = Date.now();
    const { committed } = await importRoster(client, leader, csvInput(pupils, {}, { style: 'bromcom' }));
    const took = Date.now() - started;
    expect(committed).toMatchObject({ toAdd: 1500, processedRows: 1500, rejected: [] });
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from ${PERIODS} where school_id = ?`, [SCHOOL]);
    expect(n).toBe(1500);
    const again = await preview(client, leader, csvInput(pupils, {}, { style: 'bromcom' }));
    expect(again.import).toMatchObject({ unchanged: 1500, toAdd: 0, toChange: 0, toMarkLeft: 0 });
    console.info(`1,500-pupil CSV: preview + commit ${took} ms`);
  });
});
