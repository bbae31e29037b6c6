import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { dateInEngland } from '../school/school-calendar.js';
import { importRoster, rosterCsv, utf8Base64, type FixturePupil } from '../../../test/roster-fixtures.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const today = dateInEngland(new Date());
const maya = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
const otherNorth = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 11)!;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;

const who = {
  leaderNorth: makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' }),
  staffNorth: makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId }),
  adviserNorth: makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId }),
  leaderSouth: makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId, displayName: 'Tom Hughes' }),
  staffSouth: makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId }),
  maya: makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: maya.id }),
  otherPupil: makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: otherNorth.id }),
  mayasParent: makePrincipal({ roles: ['parent'], childPupilIds: [maya.id] }),
  southParent: makePrincipal({ roles: ['parent'], childPupilIds: [southPupil.id] }),
  unlinkedParent: makePrincipal({ roles: ['parent'], childPupilIds: [] }),
  analyst: makePrincipal({ roles: ['trust_analyst'], trustId }),
  analystWithPupils: makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true }),
  otherTrustAnalyst: makePrincipal({ roles: ['trust_analyst'], trustId: '0e5f1e1d-0000-4000-8000-00000000ffff', pupilLevelAccess: true }),
  integration: makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'] }),
  volunteer: makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id }),
  alumni: makePrincipal({ roles: ['alumni'], volunteerId: data.volunteers[1].id }),
} satisfies Record<string, Principal>;

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

const SET_FLAGS = `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { pupil { id } error { code } } }`;
const COMMENT = `mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { comment { id } error { code } } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  // Start from "not a young carer / service child" whatever the demo data drew, so each set is one change.
  await orm.em.fork().execute('update pupil set young_carer = false, service_child = false');
  for (const pupil of [maya, southPupil]) {
    const leader = pupil === maya ? who.leaderNorth : who.leaderSouth;
    const flags = await client.query<{ setPupilFlags: { error: unknown } }>(leader, SET_FLAGS, {
      input: { pupilId: pupil.id, flags: [{ group: 'YOUNG_CARER', value: true }] },
    });
    expect(flags.data!.setPupilFlags.error).toBeNull();
    const comment = await client.query<{ addRecordComment: { error: unknown } }>(leader, COMMENT, {
      input: { pupilId: pupil.id, body: 'Interested in nursing.' },
    });
    expect(comment.data!.addRecordComment.error).toBeNull();
  }
});

afterAll(() => subgraph?.close());

const RECORD = `query ($id: ID!) { pupil(id: $id) {
  id displayName upn dateOfBirth yearGroup school { id }
  flags { youngCarer } flagHistory { group value source changedBy }
  consent { destinationTracking } comments { body authorName }
  recordAccess { current schoolId until }
} }`;

interface PupilView {
  id: string;
  upn: string | null;
  dateOfBirth: string | null;
  yearGroup: number | null;
  school: { id: string } | null;
  flags: { youngCarer: boolean } | null;
  flagHistory: { group: string; value: boolean; source: string; changedBy: string | null }[] | null;
  consent: { destinationTracking: boolean } | null;
  comments: { body: string; authorName: string }[] | null;
  recordAccess: { current: boolean; schoolId: string | null; until: string | null } | null;
}

async function read(principal: Principal, id: string) {
  const res = await client.query<{ pupil: PupilView | null }>(principal, RECORD, { id });
  const forbidden = (field: string) => res.errors?.find((e) => e.path?.join('.') === `pupil.${field}`)?.extensions?.code;
  return { pupil: res.data?.pupil ?? null, forbidden, errors: res.errors ?? [] };
}

type Expect = { sees: false } | { sees: true; upn: boolean; dob: boolean; flags: boolean; history: boolean; consent: boolean };
const none: Expect = { sees: false };

describe('every role, on a pupil of their own school and of another', () => {
  // Maya is at Northfield (parents allowed); the Southbank pupil's school keeps parents out.
  const matrix: [keyof typeof who, Expect, Expect][] = [
    ['leaderNorth', { sees: true, upn: true, dob: true, flags: true, history: true, consent: true }, none],
    ['staffNorth', { sees: true, upn: true, dob: true, flags: true, history: true, consent: true }, none],
    ['adviserNorth', { sees: true, upn: true, dob: true, flags: true, history: true, consent: true }, none],
    ['leaderSouth', none, { sees: true, upn: true, dob: true, flags: true, history: true, consent: true }],
    ['staffSouth', none, { sees: true, upn: true, dob: true, flags: true, history: true, consent: true }],
    ['maya', { sees: true, upn: true, dob: true, flags: false, history: false, consent: true }, none],
    ['otherPupil', none, none],
    ['mayasParent', { sees: true, upn: false, dob: false, flags: false, history: false, consent: true }, none],
    ['southParent', none, none],
    ['unlinkedParent', none, none],
    ['analyst', none, none],
    [
      'analystWithPupils',
      { sees: true, upn: true, dob: true, flags: true, history: false, consent: false },
      { sees: true, upn: true, dob: true, flags: true, history: false, consent: false },
    ],
    ['otherTrustAnalyst', none, none],
    ['integration', none, none],
    ['volunteer', none, none],
    ['alumni', none, none],
  ];

  it.each(matrix)('%s', async (name, onMaya, onSouth) => {
    for (const [pupil, expected] of [
      [maya, onMaya],
      [southPupil, onSouth],
    ] as const) {
      const { pupil: record, forbidden } = await read(who[name], pupil.id);
      if (!expected.sees) {
        expect(record).toBeNull();
        continue;
      }
      expect(record!.id).toBe(pupil.id);
      expect(record!.upn).toBe(expected.upn ? pupil.upn : null);
      expect(record!.dateOfBirth).toBe(expected.dob ? pupil.dateOfBirth : null);
      expect(record!.yearGroup).toBe(10);
      expect(record!.school).toEqual({ id: pupil.schoolId });
      expect(record!.recordAccess).toEqual({ current: true, schoolId: null, until: null });
      if (expected.flags) expect(record!.flags).toEqual({ youngCarer: true });
      else expect([record!.flags, forbidden('flags')]).toEqual([null, 'FORBIDDEN']);
      if (expected.history) expect(record!.flagHistory).toEqual([{ group: 'YOUNG_CARER', value: true, source: 'STAFF', changedBy: expect.any(String) }]);
      else expect([record!.flagHistory, forbidden('flagHistory')]).toEqual([null, 'FORBIDDEN']);
      if (expected.consent) {
        expect(record!.consent).toEqual({ destinationTracking: false });
        expect(record!.comments).toEqual([{ body: 'Interested in nursing.', authorName: expect.any(String) }]);
      } else {
        expect(record!.consent).toBeNull();
        expect(record!.comments).toBeNull();
      }
    }
  });

  it('answers _entities with the same rules (the door other subgraphs use)', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id recordAccess { current } } } }`;
    const r = [maya, southPupil].map((p) => ({ __typename: 'Pupil', id: p.id }));
    const north = await client.query<{ _entities: ({ id: string } | null)[] }>(who.leaderNorth, query, { r });
    expect(north.data!._entities).toEqual([{ id: maya.id, recordAccess: { current: true } }, null]);
    const parent = await client.query<{ _entities: ({ id: string } | null)[] }>(who.mayasParent, query, { r });
    expect(parent.data!._entities).toEqual([{ id: maya.id, recordAccess: { current: true } }, null]);
    const volunteer = await client.query<{ _entities: unknown[] }>(who.volunteer, query, { r });
    expect(volunteer.data!._entities).toEqual([null, null]);
  });
});

describe('a pupil who moves from Northfield to Southbank', () => {
  const mover = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;

  async function northfieldFile(except: string): Promise<FixturePupil[]> {
    const rows = await orm.em.fork().execute<Record<string, unknown>[]>(
      `select upn, legal_surname, legal_forename, preferred_name, date_of_birth::text as dob, year_group, tutor_group, sen_support, ehcp, disadvantaged, eal, looked_after
       from pupil where school_id = ? and left_on is null and upn <> ?`,
      [northfield.id, except],
    );
    return rows.map((r) => ({
      upn: r.upn as string,
      surname: r.legal_surname as string,
      forename: r.legal_forename as string,
      preferred: r.preferred_name as string | null,
      dob: r.dob as string,
      year: r.year_group as number,
      reg: r.tutor_group as string,
      sen: r.ehcp ? 'E' : r.sen_support ? 'K' : 'N',
      fsm: r.disadvantaged as boolean,
      eal: r.eal as boolean,
      inCare: r.looked_after as boolean,
    }));
  }

  beforeAll(async () => {
    const moverRow = (await northfieldFile('')).find((p) => p.upn === mover.upn)!;
    await client.query(who.leaderNorth, SET_FLAGS, { input: { pupilId: mover.id, flags: [{ group: 'SERVICE_CHILD', value: true }] } });
    await client.query(who.leaderNorth, COMMENT, { input: { pupilId: mover.id, body: 'Moving to Bradford.' } });
    // Northfield's next full roster no longer has them: they leave, nothing else changes.
    const north = await northfieldFile(mover.upn);
    const { previewed } = await importRoster(client, who.leaderNorth, { fileBase64: utf8Base64(rosterCsv(north)), fullRoster: true });
    expect(previewed).toMatchObject({ toMarkLeft: 1, toAdd: 0, toChange: 0, unchanged: north.length, rejected: [] });
    // Southbank's file has them: a transfer in.
    const file: FixturePupil = { ...moverRow, reg: '9S2' };
    const south = await importRoster(client, who.leaderSouth, { fileBase64: utf8Base64(rosterCsv([file])), fullRoster: false });
    expect(south.previewed).toMatchObject({ transfersIn: 1, toAdd: 0 });
  });

  it('keeps one pupil row, with its id, and the history from both schools for the new one', async () => {
    const { pupil } = await read(who.leaderSouth, mover.id);
    expect(pupil).toMatchObject({ id: mover.id, upn: mover.upn, school: { id: southbank.id }, recordAccess: { current: true } });
    expect(pupil!.flagHistory).toContainEqual({ group: 'SERVICE_CHILD', value: true, source: 'STAFF', changedBy: 'Priya Shah' });
    expect(pupil!.comments).toEqual([{ body: 'Moving to Bradford.', authorName: 'Priya Shah' }]);
    const res = await client.query<{ pupil: { enrolments: { school: { id: string }; startedOn: string; leftOn: string | null }[] } }>(
      who.leaderSouth,
      `query ($id: ID!) { pupil(id: $id) { enrolments { school { id } startedOn leftOn } } }`,
      { id: mover.id },
    );
    expect(res.data!.pupil.enrolments).toEqual([
      { school: { id: northfield.id }, startedOn: expect.any(String), leftOn: today },
      { school: { id: southbank.id }, startedOn: today, leftOn: null },
    ]);
  });

  it('gives the old school the basic record and its own period, and nothing after the move', async () => {
    const { pupil, forbidden } = await read(who.leaderNorth, mover.id);
    expect(pupil).toMatchObject({ id: mover.id, upn: mover.upn, dateOfBirth: null, yearGroup: null, school: null, consent: null, comments: null });
    expect(pupil!.recordAccess).toEqual({ current: false, schoolId: northfield.id, until: today });
    expect([pupil!.flags, forbidden('flags')]).toEqual([null, 'FORBIDDEN']);
    expect([pupil!.flagHistory, forbidden('flagHistory')]).toEqual([null, 'FORBIDDEN']);
    const res = await client.query<{ pupil: { leftOn: string; tutorGroup: string | null; enrolments: { school: { id: string } }[] } }>(
      who.leaderNorth,
      `query ($id: ID!) { pupil(id: $id) { leftOn tutorGroup enrolments { school { id } } } }`,
      { id: mover.id },
    );
    expect(res.data!.pupil).toEqual({ leftOn: today, tutorGroup: null, enrolments: [{ school: { id: northfield.id } }] });
    const entities = await client.query<{ _entities: { recordAccess: unknown }[] }>(
      who.staffNorth,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { recordAccess { current schoolId until } } } }`,
      { r: [{ __typename: 'Pupil', id: mover.id }] },
    );
    expect(entities.data!._entities).toEqual([{ recordAccess: { current: false, schoolId: northfield.id, until: today } }]);
  });

  it('lists them for the old school only among leavers, and never by what they are now', async () => {
    const list = async (principal: Principal, args: string) => {
      const res = await client.query<{ pupils: { edges: { node: { id: string } }[] } }>(
        principal,
        `{ pupils(first: 200, search: "${mover.upn}"${args}) { edges { node { id } } } }`,
      );
      return res.data!.pupils.edges.map((e) => e.node.id);
    };
    expect(await list(who.leaderNorth, '')).toEqual([]);
    expect(await list(who.leaderNorth, ', includeLeavers: true')).toEqual([mover.id]);
    expect(await list(who.leaderNorth, ', includeLeavers: true, yearGroup: 9')).toEqual([]);
    expect(await list(who.leaderNorth, ', includeLeavers: true, groups: [SERVICE_CHILD]')).toEqual([]);
    expect(await list(who.leaderSouth, '')).toEqual([mover.id]);
    expect(await list(who.leaderSouth, ', groups: [SERVICE_CHILD]')).toEqual([mover.id]);
  });

  it('gives a school the pupil never attended nothing', async () => {
    const stranger = makePrincipal({ roles: ['careers_leader'], schoolId: '0e5f1e1d-0000-4000-8000-00000000eeee', trustId });
    expect((await read(stranger, mover.id)).pupil).toBeNull();
  });
});
