import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { ENCOUNTER_KINDS } from '@waymark/domain';
import { countStatements, startHarness, type Harness } from '../../../test/harness.js';
import { Encounter, Participation } from './encounter.entity.js';

// The seeds use today's demo data; so do the expectations.
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan] = data.volunteers;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });

const northEncounters = data.encounters.filter((e) => e.schoolId === northfield.id);
const byTitle = (schoolId: string, title: string) => data.encounters.find((e) => e.schoolId === schoolId && e.title === title)!;
const engineeringTalk = byTitle(northfield.id, 'Engineering careers talk'); // Sam is on it
const careersLesson = byTitle(northfield.id, 'Careers lesson: my future self'); // no volunteers
const alumniTalk = byTitle(northfield.id, 'Alumni talk: from Northfield to software'); // Jordan is on it
const southFair = byTitle(southbank.id, 'Spring careers fair');
const registerOf = (encounterId: string) => data.participations.filter((p) => p.encounterId === encounterId);
const mayaIn = data.encounters.find((e) => registerOf(e.id).some((p) => p.pupilId === maya.id))!;
const mayaNotIn = northEncounters.find((e) => !registerOf(e.id).some((p) => p.pupilId === maya.id))!;

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

type Page = {
  encounters: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; date: string; school: { id: string } } }[];
  };
};
const ENCOUNTERS = `query ($first: Int, $after: String) {
  encounters(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id date school { id } } }
  }
}`;

describe('encounters query', () => {
  it("lists the leader's own school newest first, paged by (date, id) without gaps or repeats", async () => {
    const seen: { id: string; date: string }[] = [];
    let after: string | null = null;
    let lastCursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof client.query<Page>>> = await client.query<Page>(leaderNorth, ENCOUNTERS, { first: 7, after });
      expect(res.errors).toBeUndefined();
      const page: Page['encounters'] = res.data!.encounters;
      expect(page.totalCount).toBe(northEncounters.length);
      for (const { node } of page.edges) {
        expect(node.school.id).toBe(northfield.id);
        seen.push(node);
      }
      lastCursor = page.pageInfo.endCursor;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen.map((e) => e.id)).size).toBe(northEncounters.length);
    // Past the last encounter: an empty page that still tells the total.
    const beyond = await client.query<Page>(leaderNorth, ENCOUNTERS, { first: 7, after: lastCursor });
    expect(beyond.data!.encounters.edges).toEqual([]);
    expect(beyond.data!.encounters.totalCount).toBe(northEncounters.length);
    expect(beyond.data!.encounters.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    const dates = seen.map((e) => Date.parse(e.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("refuses a cursor it did not give out as the caller's mistake, never as a server error", async () => {
    const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = northEncounters[0].id;
    for (const after of [
      cursor(['-200000-01-01T00:00:00.000Z', id]),
      cursor(['2026-11-23T00:00:00.000Z\u0000', id]),
      cursor([1, 2]),
      cursor(['2026-11-23T00:00:00.000Z']),
      'not a cursor!',
    ]) {
      const res = await client.query<Page>(leaderNorth, ENCOUNTERS, { first: 7, after });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('gives staff of another school only theirs, and trust analysts the whole trust', async () => {
    const south = await client.query<Page>(leaderSouth, ENCOUNTERS, { first: 200 });
    expect(south.data!.encounters.edges.every((e) => e.node.school.id === southbank.id)).toBe(true);
    expect(south.data!.encounters.totalCount).toBe(data.encounters.length - northEncounters.length);
    const trust = await client.query<Page>(analyst, ENCOUNTERS, { first: 200 });
    expect(trust.data!.encounters.totalCount).toBe(data.encounters.length);
    const other = await client.query<Page>(otherTrustAnalyst, ENCOUNTERS, {});
    expect(other.data!.encounters.totalCount).toBe(0);
  });

  it('refuses pupils, volunteers and alumni', async () => {
    for (const who of [pupil, volunteer, alumni]) {
      const res = await client.query(who, ENCOUNTERS, {});
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.encounters ?? null).toBeNull();
    }
  });

  it('answers every field of a page in a bounded number of statements', async () => {
    const query = `{ encounters(first: 200) { edges { node { id kindLabel attendedCount invitedCount participations { id pupil { id } } } } } }`;
    const { result, statements } = await countStatements(harness.orm, () => client.query(leaderNorth, query));
    expect(result.errors).toBeUndefined();
    // the page with its total and register counts, then the registers, whatever the number of encounters
    expect(statements).toHaveLength(2);
    // A page that shows no counts does not count registers.
    const plain = await countStatements(harness.orm, () => client.query(leaderNorth, '{ encounters(first: 200) { totalCount edges { node { id title } } } }'));
    expect(plain.statements).toHaveLength(1);
    expect(plain.statements.some((sql) => sql.includes('participation'))).toBe(false);
  });
});

type Filtered = {
  encounters: { totalCount: number; edges: { node: { id: string; kind: string; title: string; date: string; benchmarks: number[]; yearGroups: number[] } }[] };
};
const FILTERED = `query ($kind: EncounterKind, $from: String, $to: String, $benchmark: Int, $yearGroup: Int, $search: String) {
  encounters(first: 200, kind: $kind, from: $from, to: $to, benchmark: $benchmark, yearGroup: $yearGroup, search: $search) {
    totalCount edges { node { id kind title date benchmarks yearGroups } }
  }
}`;
const dayInEngland = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const idsOf = (list: { id: string }[]) => list.map((e) => e.id).sort();

describe('encounters filters', () => {
  const filtered = async (variables: Record<string, unknown>) => {
    const res = await client.query<Filtered>(leaderNorth, FILTERED, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.encounters;
  };

  it('narrows by kind, benchmark, year group and title, the total with the page', async () => {
    const guidance = northEncounters.filter((e) => e.kind === 'GUIDANCE_MEETING');
    expect(guidance.length).toBeGreaterThan(1);
    const byKind = await filtered({ kind: 'GUIDANCE_MEETING' });
    expect(byKind.totalCount).toBe(guidance.length);
    expect(idsOf(byKind.edges.map((e) => e.node))).toEqual(idsOf(guidance));

    const b5 = await filtered({ benchmark: 5 });
    expect(idsOf(b5.edges.map((e) => e.node))).toEqual(idsOf(northEncounters.filter((e) => e.benchmarks.includes(5))));

    const year10 = await filtered({ yearGroup: 10 });
    expect(idsOf(year10.edges.map((e) => e.node))).toEqual(idsOf(northEncounters.filter((e) => e.yearGroups.includes(10))));

    // Any case, anywhere in the title; words that match nothing give an empty list with a total of 0.
    const talks = await filtered({ search: '  CAREERS TALK ' });
    expect(idsOf(talks.edges.map((e) => e.node))).toEqual(idsOf(northEncounters.filter((e) => e.title.toLowerCase().includes('careers talk'))));
    expect(talks.totalCount).toBeGreaterThan(0);
    expect(await filtered({ search: 'no such title anywhere' })).toEqual({ totalCount: 0, edges: [] });

    const both = await filtered({ kind: 'GUIDANCE_MEETING', yearGroup: 10 });
    expect(idsOf(both.edges.map((e) => e.node))).toEqual(idsOf(guidance.filter((e) => e.yearGroups.includes(10))));
  });

  it('narrows by days in England, both ends included', async () => {
    const days = [...new Set(northEncounters.map((e) => dayInEngland(e.date)))].sort();
    expect(days.length).toBeGreaterThan(2);
    const [from, to] = [days[1], days[days.length - 2]];
    const between = await filtered({ from, to });
    const expected = northEncounters.filter((e) => dayInEngland(e.date) >= from && dayInEngland(e.date) <= to);
    expect(between.totalCount).toBe(expected.length);
    expect(idsOf(between.edges.map((e) => e.node))).toEqual(idsOf(expected));
    const oneDay = await filtered({ from: days[0], to: days[0] });
    expect(idsOf(oneDay.edges.map((e) => e.node))).toEqual(idsOf(northEncounters.filter((e) => dayInEngland(e.date) === days[0])));
  });

  it('refuses a malformed day, a range that ends before it starts and a benchmark or year group that does not exist', async () => {
    for (const [variables, message] of [
      [{ from: '2026-13-01' }, 'from must be a day written YYYY-MM-DD.'],
      [{ to: 'yesterday' }, 'to must be a day written YYYY-MM-DD.'],
      [{ from: '2026-10-02', to: '2026-10-01' }, 'to must not be before from.'],
      [{ benchmark: 9 }, 'benchmark must be a number from 1 to 8.'],
      [{ yearGroup: 6 }, 'yearGroup must be a number from 7 to 13.'],
    ] as const) {
      const res = await client.query(leaderNorth, FILTERED, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toBe(message);
    }
  });

  it('pages a filtered list without gaps or repeats', async () => {
    const guidance = northEncounters.filter((e) => e.kind === 'GUIDANCE_MEETING');
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof client.query<Page>>> = await client.query<Page>(
        leaderNorth,
        `query ($after: String) { encounters(first: 2, after: $after, kind: GUIDANCE_MEETING) { totalCount pageInfo { hasNextPage endCursor } edges { node { id date school { id } } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.encounters.totalCount).toBe(guidance.length);
      seen.push(...res.data!.encounters.edges.map((e) => e.node.id));
      after = res.data!.encounters.pageInfo.hasNextPage ? res.data!.encounters.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(idsOf(guidance));
  });

  it('names the one pupil of a one-to-one register, to staff of the school only, read with the page', async () => {
    const query = `{ encounters(first: 200) { edges { node { id soloPupil { id } } } } }`;
    const { result, statements } = await countStatements(harness.orm, () =>
      client.query<{ encounters: { edges: { node: { id: string; soloPupil: { id: string } | null } }[] } }>(leaderNorth, query),
    );
    expect(result.errors).toBeUndefined();
    // The register of one pupil is read in the page's own statement, whatever the number of encounters.
    expect(statements).toHaveLength(1);
    const named = new Map(result.data!.encounters.edges.map((e) => [e.node.id, e.node.soloPupil?.id ?? null]));
    for (const encounter of northEncounters) {
      const register = registerOf(encounter.id);
      expect(named.get(encounter.id)).toBe(register.length === 1 ? register[0].pupilId : null);
    }
    expect([...named.values()].filter(Boolean).length).toBeGreaterThan(0);

    // One encounter asked alone is answered from its register too.
    const solo = northEncounters.find((e) => registerOf(e.id).length === 1)!;
    const alone = await client.query<{ encounter: { soloPupil: { id: string } | null } }>(leaderNorth, `{ encounter(id: "${solo.id}") { soloPupil { id } } }`);
    expect(alone.errors).toBeUndefined();
    expect(alone.data!.encounter.soloPupil).toEqual({ id: registerOf(solo.id)[0].pupilId });

    // A trust analyst reads the encounter but never whose meeting it was.
    const trust = await client.query<{ encounters: { edges: { node: { soloPupil: unknown } }[] } }>(analyst, query);
    expect(trust.errors).toBeUndefined();
    expect(trust.data!.encounters.edges.every((e) => e.node.soloPupil === null)).toBe(true);
  });
});

type Node = {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  hours: number;
  benchmarks: number[];
  yearGroups: number[];
  inSchoolDay: boolean;
  school: { id: string } | null;
  employers: { id: string }[];
  volunteers: { id: string }[];
  attendedCount: number;
  invitedCount: number;
};
const FIELDS =
  'id kind kindLabel title date hours benchmarks yearGroups inSchoolDay school { id } employers { id } volunteers { id } attendedCount invitedCount';

describe('encounter fields', () => {
  it("match the demo data: labels, stubs of other subgraphs' entities and register counts", async () => {
    const res = await client.query<{ encounters: { edges: { node: Node }[] } }>(leaderNorth, `{ encounters(first: 200) { edges { node { ${FIELDS} } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = new Map(res.data!.encounters.edges.map((e) => [e.node.id, e.node]));
    for (const expected of northEncounters) {
      const node = nodes.get(expected.id)!;
      const register = registerOf(expected.id);
      expect(node).toMatchObject({
        kind: expected.kind,
        kindLabel: ENCOUNTER_KINDS[expected.kind].label,
        title: expected.title,
        hours: expected.hours,
        benchmarks: expected.benchmarks,
        yearGroups: [...expected.yearGroups].sort((a, b) => a - b),
        inSchoolDay: expected.inSchoolDay,
        school: { id: northfield.id },
        employers: expected.employerIds.map((id) => ({ id })),
        volunteers: expected.volunteerIds.map((id) => ({ id })),
        invitedCount: register.length,
        attendedCount: register.filter((p) => p.attended).length,
      });
    }
  });

  const REGISTER = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Encounter { id participations { id attended pupil { id } encounter { id } } } } }`;
  const rep = (id: string) => ({ __typename: 'Encounter', id });

  it('shows the register to staff of the school that ran it', async () => {
    for (const who of [leaderNorth, staffNorth]) {
      const res = await client.query<{ _entities: { participations: { attended: boolean; pupil: { id: string }; encounter: { id: string } }[] }[] }>(
        who,
        REGISTER,
        { r: [rep(engineeringTalk.id)] },
      );
      expect(res.errors).toBeUndefined();
      const rows = res.data!._entities[0].participations;
      const expected = registerOf(engineeringTalk.id);
      expect(rows.map((r) => r.pupil.id).sort()).toEqual(expected.map((p) => p.pupilId).sort());
      expect(rows.filter((r) => r.attended).length).toBe(expected.filter((p) => p.attended).length);
      expect(rows.every((r) => r.encounter.id === engineeringTalk.id)).toBe(true);
    }
  });

  it('refuses the register to anyone else who can read the encounter', async () => {
    for (const [who, encounter] of [
      [analyst, engineeringTalk],
      [volunteer, engineeringTalk],
      [alumni, alumniTalk],
      [pupil, mayaIn],
    ] as const) {
      const res = await client.query<{ _entities: unknown[] }>(who, REGISTER, { r: [rep(encounter.id)] });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].path).toEqual(['_entities', 0, 'participations']);
    }
  });
});

describe('Encounter _entities', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Encounter { id title } } }`;
  const resolve = async (who: Parameters<typeof client.query>[0], ids: string[]) => {
    const res = await client.query<{ _entities: ({ id: string } | null)[] }>(who, ENTITIES, { r: ids.map((id) => ({ __typename: 'Encounter', id })) });
    expect(res.errors).toBeUndefined();
    return res.data!._entities.map((e) => e?.id ?? null);
  };

  it('resolves for staff of its school only', async () => {
    expect(await resolve(leaderNorth, [engineeringTalk.id, southFair.id])).toEqual([engineeringTalk.id, null]);
    expect(await resolve(leaderSouth, [engineeringTalk.id, southFair.id])).toEqual([null, southFair.id]);
  });

  it('resolves for analysts of its trust only', async () => {
    expect(await resolve(analyst, [engineeringTalk.id, southFair.id])).toEqual([engineeringTalk.id, southFair.id]);
    expect(await resolve(otherTrustAnalyst, [engineeringTalk.id, southFair.id])).toEqual([null, null]);
  });

  it('resolves for a pupil on its register only', async () => {
    expect(await resolve(pupil, [mayaIn.id, mayaNotIn.id, southFair.id])).toEqual([mayaIn.id, null, null]);
  });

  it('resolves for a volunteer or alumnus listed on it only', async () => {
    expect(await resolve(volunteer, [engineeringTalk.id, careersLesson.id, alumniTalk.id])).toEqual([engineeringTalk.id, null, null]);
    expect(await resolve(alumni, [engineeringTalk.id, careersLesson.id, alumniTalk.id])).toEqual([null, null, alumniTalk.id]);
  });

  it('treats ids that are not UUIDs as unknown', async () => {
    expect(await resolve(leaderNorth, ['not-a-uuid'])).toEqual([null]);
  });
});

type Created = {
  createEncounter: {
    encounter: {
      id: string;
      kind: string;
      title: string;
      benchmarks: number[];
      yearGroups: number[];
      invitedCount: number;
      attendedCount: number;
      school: { id: string };
    } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
};
const CREATE = `mutation ($input: CreateEncounterInput!) {
  createEncounter(input: $input) {
    encounter { id kind title benchmarks yearGroups invitedCount attendedCount school { id } }
    error { code message fields { field message } }
  }
}`;

describe('createEncounter', () => {
  const northYear10 = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 10).slice(0, 5);
  const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;
  const valid = () => ({
    kind: 'EMPLOYER_TALK',
    title: '  Careers in green energy  ',
    date: new Date(Date.now() - 86_400_000).toISOString(),
    hours: 1.5,
    inSchoolDay: true,
    employerIds: [data.employers[0].id],
    volunteerIds: [sam.id],
    yearGroups: [10, 11, 10],
    register: northYear10.map((p, i) => ({ pupilId: p.id, attended: i !== 0 })),
  });
  const rowCounts = async () => {
    const em = harness.orm.em.fork();
    return { encounters: await em.count(Encounter, {}), participations: await em.count(Participation, {}) };
  };

  it("records the encounter and its register for the leader's own school", async () => {
    const before = await rowCounts();
    const res = await client.query<Created>(leaderNorth, CREATE, { input: valid() });
    expect(res.errors).toBeUndefined();
    const { encounter, error } = res.data!.createEncounter;
    expect(error).toBeNull();
    expect(encounter).toMatchObject({
      kind: 'EMPLOYER_TALK',
      title: 'Careers in green energy',
      benchmarks: [...ENCOUNTER_KINDS.EMPLOYER_TALK.benchmarks],
      yearGroups: [10, 11],
      invitedCount: 5,
      attendedCount: 4,
      school: { id: northfield.id },
    });
    expect(await rowCounts()).toEqual({ encounters: before.encounters + 1, participations: before.participations + 5 });

    const em = harness.orm.em.fork();
    const saved = await em.findOneOrFail(Encounter, { id: encounter!.id });
    expect(saved).toMatchObject({ schoolId: northfield.id, trustId: data.trust.id, hours: 1.5, employerIds: [data.employers[0].id], volunteerIds: [sam.id] });
    const rows = await em.find(Participation, { encounter: encounter!.id });
    expect(rows.every((row) => row.schoolId === northfield.id && row.trustId === data.trust.id)).toBe(true);

    // It is now on the leader's list, and on the register of the pupils on it.
    const list = await client.query<Page>(leaderNorth, ENCOUNTERS, { first: 200 });
    expect(list.data!.encounters.edges.map((e) => e.node.id)).toContain(encounter!.id);
  });

  it('keeps explicit benchmarks', async () => {
    const res = await client.query<Created>(staffNorth, CREATE, { input: { ...valid(), benchmarks: [6, 5, 6], register: [] } });
    expect(res.data!.createEncounter.encounter).toMatchObject({ benchmarks: [5, 6], invitedCount: 0, attendedCount: 0 });
  });

  it('returns every validation problem as a MutationError and saves nothing', async () => {
    const before = await rowCounts();
    const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString();
    const input = {
      ...valid(),
      title: '   ',
      hours: 0,
      date: inTwoYears,
      yearGroups: [],
      benchmarks: [9],
      register: [...valid().register, { pupilId: northYear10[0].id, attended: false }],
    };
    const res = await client.query<Created>(leaderNorth, CREATE, { input });
    expect(res.errors).toBeUndefined();
    const { encounter, error } = res.data!.createEncounter;
    expect(encounter).toBeNull();
    expect(error!.code).toBe('ENCOUNTER_INVALID');
    expect(error!.fields.map((f) => f.field).sort()).toEqual(['benchmarks', 'date', 'hours', 'register', 'title', 'yearGroups']);
    expect(error!.fields.find((f) => f.field === 'register')!.message).toContain(northYear10[0].id);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['title', { title: 'x'.repeat(201) }],
    ['hours', { hours: 200.5 }],
    ['yearGroups', { yearGroups: [6, 10] }],
    ['yearGroups', { yearGroups: [14] }],
    ['benchmarks', { benchmarks: [] }],
    ['benchmarks', { benchmarks: [0] }],
    ['employerIds', { employerIds: ['acme'] }],
  ])('refuses a bad %s', async (field, change) => {
    const before = await rowCounts();
    const res = await client.query<Created>(leaderNorth, CREATE, { input: { ...valid(), ...change } });
    expect(res.data!.createEncounter.error!.fields.map((f) => f.field)).toEqual([field]);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts the boundaries: 200 characters, 200 hours, a year ahead', async () => {
    const nearlyAYear = new Date(Date.now() + 364 * 86_400_000).toISOString();
    const res = await client.query<Created>(leaderNorth, CREATE, {
      input: { ...valid(), title: 'x'.repeat(200), hours: 200, date: nearlyAYear, yearGroups: [7, 13], register: [] },
    });
    expect(res.data!.createEncounter.error).toBeNull();
  });

  it("refuses a register with another school's pupil, naming them, and saves nothing", async () => {
    const before = await rowCounts();
    const stranger = randomUUID();
    const input = { ...valid(), register: [...valid().register, { pupilId: southPupil.id, attended: true }, { pupilId: stranger, attended: true }] };
    const res = await client.query<Created>(leaderNorth, CREATE, { input });
    expect(res.errors).toBeUndefined();
    const { encounter, error } = res.data!.createEncounter;
    expect(encounter).toBeNull();
    expect(error!.code).toBe('ENCOUNTER_UNKNOWN_PUPILS');
    expect(error!.fields[0].field).toBe('register');
    expect(error!.fields[0].message).toContain(southPupil.id);
    expect(error!.fields[0].message).toContain(stranger);
    expect(error!.fields[0].message).not.toContain(northYear10[1].id);
    expect(await rowCounts()).toEqual(before);
  });

  it("lets the other school record its own pupils but not the first school's", async () => {
    const ok = await client.query<Created>(leaderSouth, CREATE, {
      input: { ...valid(), volunteerIds: [], register: [{ pupilId: southPupil.id, attended: true }] },
    });
    expect(ok.data!.createEncounter.encounter!.school.id).toBe(southbank.id);
    const refused = await client.query<Created>(leaderSouth, CREATE, { input: valid() });
    expect(refused.data!.createEncounter.error!.code).toBe('ENCOUNTER_UNKNOWN_PUPILS');
  });

  it('is for school staff only', async () => {
    for (const who of [pupil, volunteer, alumni, analyst]) {
      const res = await client.query<Created>(who, CREATE, { input: { ...valid(), register: [] } });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const noSchool = makePrincipal({ roles: ['careers_leader'], trustId: data.trust.id });
    const res = await client.query<Created>(noSchool, CREATE, { input: { ...valid(), register: [] } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('start times', () => {
  type Start = { id: string; date: string; hasTime: boolean; endsAt: string | null };
  type Saved = { encounter: Start | null; error: { fields: { field: string; message: string }[] } | null };
  const START = 'id date hasTime endsAt';
  const create = async (change: Record<string, unknown>): Promise<Saved> => {
    const input = { kind: 'EMPLOYER_TALK', title: 'Start time', hours: 1, inSchoolDay: true, yearGroups: [10], register: [], ...change };
    const res = await client.query<{ createEncounter: Saved }>(
      leaderNorth,
      `mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { ${START} } error { fields { field message } } } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createEncounter;
  };
  const update = async (input: Record<string, unknown>): Promise<Saved> => {
    const res = await client.query<{ updateEncounter: Saved }>(
      leaderNorth,
      `mutation ($input: UpdateEncounterInput!) { updateEncounter(input: $input) { encounter { ${START} } error { fields { field message } } } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.updateEncounter;
  };

  it.each([
    ['12:00 GMT in winter', '2026-01-15T12:00:00.000Z'],
    ['13:00 BST in summer', '2026-07-15T12:00:00.000Z'],
  ])('keeps a start at %s through an edit of something else', async (_when, date) => {
    const created = (await create({ date, hasTime: true })).encounter!;
    expect(created).toMatchObject({ date, hasTime: true });
    const edited = await update({ id: created.id, title: 'Start time, renamed' });
    expect(edited.error).toBeNull();
    expect(edited.encounter).toMatchObject({ date, hasTime: true });
  });

  it('keeps a day without a time as a day, and takes a new date alone as a moment', async () => {
    const created = (await create({ date: '2026-03-04T12:00:00.000Z', hasTime: false })).encounter!;
    expect((await update({ id: created.id, hours: 2 })).encounter).toMatchObject({ hasTime: false });
    expect((await update({ id: created.id, date: '2026-03-05T09:30:00.000Z' })).encounter).toMatchObject({ date: '2026-03-05T09:30:00.000Z', hasTime: true });
    expect((await update({ id: created.id, hasTime: false })).encounter).toMatchObject({ date: '2026-03-05T09:30:00.000Z', hasTime: false });
  });

  it('takes a date without the flag as the moment it starts', async () => {
    expect((await create({ date: '2026-02-10T12:00:00.000Z' })).encounter).toMatchObject({ hasTime: true });
  });

  it('needs a start time before a finish time', async () => {
    const saved = await create({ date: '2026-03-04T12:00:00.000Z', hasTime: false, endsAt: '2026-03-04T15:00:00.000Z' });
    expect(saved.error!.fields.map((f) => f.field)).toEqual(['endsAt']);
  });
});
