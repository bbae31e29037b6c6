import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A property test of tenancy through the real gateway and every real subgraph: generated actors ×
 * operations × targets across three schools in two trusts. Each answer is judged two ways:
 *   1. every id in `data` must belong to something the actor may see (a pupil's rows, an encounter,
 *      a participation, an own activity, a destination, an agreed action), whatever the operation;
 *   2. an operation aimed at something outside the actor's reach must come back empty (null, or an
 *      error), and a write must not succeed.
 * Employers and alumni must never receive a pupil's date of birth, UPN or flags.
 */

const data = demoData(new Date(), { secondTrust: true });
const [northfield, southbank, eastgate] = data.schools;
const CASES = 10_000;
const CONCURRENCY = 6;

type Kind = 'pupil' | 'encounter' | 'participation' | 'ownActivity' | 'destination' | 'agreedAction';
interface Owner {
  id: string;
  kind: Kind;
  schoolId: string;
  trustId: string;
  /** The pupil the row is about (null for an encounter). */
  pupilId: string | null;
}

/** Who owns each id the demo data holds, so any id found in an answer can be judged. */
const owners = new Map<string, Owner>();
const schoolTrust = new Map(data.schools.map((school) => [school.id, school.trustId]));
for (const pupil of data.pupils) owners.set(pupil.id, { id: pupil.id, kind: 'pupil', schoolId: pupil.schoolId, trustId: pupil.trustId, pupilId: pupil.id });
for (const encounter of data.encounters)
  owners.set(encounter.id, { id: encounter.id, kind: 'encounter', schoolId: encounter.schoolId, trustId: encounter.trustId, pupilId: null });
for (const row of data.participations)
  owners.set(row.id, { id: row.id, kind: 'participation', schoolId: row.schoolId, trustId: row.trustId, pupilId: row.pupilId });
for (const row of data.ownActivities)
  owners.set(row.id, { id: row.id, kind: 'ownActivity', schoolId: row.schoolId, trustId: row.trustId, pupilId: row.pupilId });
for (const row of data.destinations)
  owners.set(row.id, { id: row.id, kind: 'destination', schoolId: row.schoolId, trustId: row.trustId, pupilId: row.pupilId });
for (const row of data.agreedActions) {
  const pupil = data.pupils.find((p) => p.id === row.pupilId)!;
  owners.set(row.id, { id: row.id, kind: 'agreedAction', schoolId: pupil.schoolId, trustId: pupil.trustId, pupilId: row.pupilId });
}
/** The encounters each pupil is on the register of (a pupil and their parents may read those). */
const registered = new Map<string, Set<string>>();
for (const row of data.participations) {
  const set = registered.get(row.pupilId) ?? new Set<string>();
  set.add(row.encounterId);
  registered.set(row.pupilId, set);
}

interface Actor {
  email: string;
  /** 'dpl': a data protection lead, who reads the log and exports people, and sees no pupil's data here. */
  role: 'leader' | 'analyst' | 'pupil' | 'parent' | 'volunteer' | 'dpl';
  schoolId: string | null;
  trustId: string | null;
  pupilLevel: boolean;
  /** The pupils whose own record the actor holds (a pupil: themself; a parent: their children). */
  pupils: string[];
  volunteerId: string | null;
}

const ACTORS: Actor[] = data.accounts.map((account) => {
  const role = account.roles.includes('careers_leader')
    ? 'leader'
    : account.roles.includes('data_protection_lead')
      ? 'dpl'
      : account.roles.includes('trust_analyst')
        ? 'analyst'
        : account.roles.includes('pupil')
          ? 'pupil'
          : account.roles.includes('parent')
            ? 'parent'
            : 'volunteer';
  return {
    email: account.email,
    role,
    schoolId: account.schoolId,
    trustId: account.trustId,
    pupilLevel: account.pupilLevelAccess,
    pupils: role === 'pupil' ? [account.pupilId!] : [...account.childPupilIds],
    volunteerId: account.volunteerId,
  };
});

/** May this actor see this row at all? The rule the whole product promises, written out once here. */
function maySee(actor: Actor, owner: Owner): boolean {
  switch (actor.role) {
    case 'leader':
      return owner.schoolId === actor.schoolId;
    case 'analyst':
      if (owner.trustId !== actor.trustId) return false;
      return owner.kind === 'encounter' || actor.pupilLevel;
    case 'pupil':
    case 'parent':
      if (owner.kind === 'encounter') return actor.pupils.some((pupilId) => registered.get(pupilId)?.has(owner.id) ?? false);
      return owner.pupilId !== null && actor.pupils.includes(owner.pupilId);
    case 'volunteer':
      return owner.kind === 'encounter' && data.encounters.some((e) => e.id === owner.id && e.volunteerIds.includes(actor.volunteerId!));
    case 'dpl':
      return false;
  }
}

/** May this actor read aggregate figures of this school? */
function mayReadSchoolFigures(actor: Actor, schoolId: string, pupilLevelList = false): boolean {
  if (actor.role === 'leader') return actor.schoolId === schoolId;
  if (actor.role === 'analyst') return schoolTrust.get(schoolId) === actor.trustId && (!pupilLevelList || actor.pupilLevel);
  return false;
}

function* idsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') {
    if (owners.has(value)) yield value;
  } else if (Array.isArray(value)) {
    for (const item of value) yield* idsIn(item);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) yield* idsIn(item);
  }
}

const SENSITIVE = new Set(['dateOfBirth', 'upn', 'flags', 'flagHistory', 'notes']);
function* sensitiveIn(value: unknown, path = ''): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* sensitiveIn(item, path);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (SENSITIVE.has(key) && item !== null) yield `${path}.${key}`;
      yield* sensitiveIn(item, `${path}.${key}`);
    }
  }
}

type Target = { kind: 'pupil' | 'encounter' | 'ownActivity'; id: string } | { kind: 'school'; id: string } | { kind: 'none' };
interface Operation {
  name: string;
  target: Target['kind'];
  query: string;
  variables: (target: Target) => Record<string, unknown>;
  /** The root field that must come back empty when the actor may not reach the target. */
  root: string;
  write?: boolean;
  /** Reaching the target is allowed for this actor (reads: null means "judge by ids only"). */
  allowed: (actor: Actor, target: Target) => boolean | null;
}

const pupilOwner = (target: Target) => owners.get((target as { id: string }).id)!;
const OPERATIONS: Operation[] = [
  {
    name: 'pupil with identity and flags',
    target: 'pupil',
    root: 'pupil',
    query: 'query ($id: ID!) { pupil(id: $id) { id firstName lastName dateOfBirth upn flags { senSupport eal } school { id } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => maySee(actor, pupilOwner(t)),
  },
  {
    name: 'pupil history across subgraphs',
    target: 'pupil',
    root: 'pupil',
    query:
      'query ($id: ID!) { pupil(id: $id) { id participations { id encounter { id } } destinations { id } ownActivities { id } guidanceMeetings { id notes agreedActions { id } } bookedGuidanceMeetings { id notes } comments { id } flagHistory { group } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => maySee(actor, pupilOwner(t)),
  },
  {
    name: 'encounter with register',
    target: 'encounter',
    root: 'encounter',
    query: 'query ($id: ID!) { encounter(id: $id) { id title school { id } participations { id pupil { id firstName } } volunteers { id } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: () => null,
  },
  {
    name: 'school dashboard',
    target: 'school',
    root: 'schoolDashboard',
    query: 'query ($schoolId: ID) { schoolDashboard(schoolId: $schoolId) { pupilCount school { id } } }',
    variables: (t) => ({ schoolId: (t as { id: string }).id }),
    allowed: (actor, t) => mayReadSchoolFigures(actor, (t as { id: string }).id),
  },
  {
    name: 'gap list',
    target: 'school',
    root: 'benchmarkGaps',
    query:
      'query ($schoolId: ID) { benchmarkGaps(schoolId: $schoolId, measure: B5_EMPLOYERS, first: 10) { totalCount edges { node { pupil { id dateOfBirth } } } } }',
    variables: (t) => ({ schoolId: (t as { id: string }).id }),
    allowed: (actor, t) => mayReadSchoolFigures(actor, (t as { id: string }).id, true),
  },
  {
    name: 'destination figures',
    target: 'school',
    root: 'destinationSummary',
    query: 'query ($schoolId: ID) { destinationSummary(schoolId: $schoolId) { kind count } }',
    variables: (t) => ({ schoolId: (t as { id: string }).id }),
    allowed: (actor, t) => mayReadSchoolFigures(actor, (t as { id: string }).id),
  },
  {
    name: 'pupil list',
    target: 'school',
    root: 'pupils',
    query: 'query ($schoolId: ID) { pupils(schoolId: $schoolId, first: 10, includeLeavers: true) { edges { node { id dateOfBirth flags { eal } } } } }',
    variables: (t) => ({ schoolId: (t as { id: string }).id }),
    allowed: (actor, t) => mayReadSchoolFigures(actor, (t as { id: string }).id, true),
  },
  {
    name: 'encounter list',
    target: 'none',
    root: 'encounters',
    query: '{ encounters(first: 20) { edges { node { id participations { id pupil { id } } } } } }',
    variables: () => ({}),
    allowed: () => null,
  },
  {
    name: 'comment on a record',
    target: 'pupil',
    root: 'addRecordComment',
    write: true,
    query: 'mutation ($id: ID!) { addRecordComment(input: { pupilId: $id, body: "Checking in." }) { comment { id } error { code } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => (actor.role === 'leader' || actor.role === 'parent' || actor.role === 'pupil' ? maySee(actor, pupilOwner(t)) : false),
  },
  {
    name: 'book a guidance meeting',
    target: 'pupil',
    root: 'bookGuidanceMeetings',
    write: true,
    query:
      'mutation ($id: ID!, $date: DateTimeISO!) { bookGuidanceMeetings(input: { pupilIds: [$id], date: $date, hasTime: true, adviserName: "Dana Whitfield" }) { meetings { id pupil { id } } error { code } } }',
    variables: (t) => ({ id: (t as { id: string }).id, date: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
    allowed: (actor, t) => actor.role === 'leader' && maySee(actor, pupilOwner(t)),
  },
  {
    name: 'set flags',
    target: 'pupil',
    root: 'setPupilFlags',
    write: true,
    query: 'mutation ($id: ID!) { setPupilFlags(input: { pupilId: $id, flags: [{ group: youngCarer, value: false }] }) { pupil { id } error { code } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => actor.role === 'leader' && maySee(actor, pupilOwner(t)),
  },
  {
    name: 'set higher-education plan',
    target: 'pupil',
    root: 'setConsideringHigherEducation',
    write: true,
    query: 'mutation ($id: ID!) { setConsideringHigherEducation(pupilId: $id, considering: true) { pupil { id } error { code } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => (actor.role === 'leader' || actor.role === 'pupil') && maySee(actor, pupilOwner(t)),
  },
  {
    name: 'verify an own activity',
    target: 'ownActivity',
    root: 'verifyOwnActivity',
    write: true,
    query: 'mutation ($id: ID!) { verifyOwnActivity(id: $id) { activity { id } error { code } } }',
    variables: (t) => ({ id: (t as { id: string }).id }),
    allowed: (actor, t) => actor.role === 'leader' && maySee(actor, owners.get((t as { id: string }).id)!),
  },
];

// Targets: a spread of each school's pupils (on roll and left), encounters (guidance meetings
// included) and pupils' own activities, and the three schools themselves.
const pick = <T>(rows: T[], n: number): T[] => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n);
const targetsOf = (kind: Target['kind']): Target[] => {
  switch (kind) {
    case 'pupil':
      return data.schools
        .flatMap((s) =>
          pick(
            data.pupils.filter((p) => p.schoolId === s.id),
            12,
          ),
        )
        .concat(ACTORS.flatMap((a) => a.pupils).map((id) => data.pupils.find((p) => p.id === id)!))
        .map((p) => ({ kind: 'pupil', id: p.id }));
    case 'encounter':
      return data.schools
        .flatMap((s) =>
          pick(
            data.encounters.filter((e) => e.schoolId === s.id),
            10,
          ),
        )
        .map((e) => ({ kind: 'encounter', id: e.id }));
    case 'ownActivity':
      return data.schools
        .flatMap((s) =>
          pick(
            data.ownActivities.filter((a) => a.schoolId === s.id),
            5,
          ),
        )
        .map((a) => ({ kind: 'ownActivity', id: a.id }));
    case 'school':
      return data.schools.map((s) => ({ kind: 'school', id: s.id }));
    case 'none':
      return [{ kind: 'none' }];
  }
};

const clients = new Map<string, GatewayClient>();

const stack = useTestStack({ name: 'xt', env: { WAYMARK_SESSION_CACHE_MS: '0', WAYMARK_DEMO_SECOND_TRUST: '1' } });

beforeAll(async () => {
  for (const actor of ACTORS) {
    const client = new GatewayClient(stack.url);
    const response = await client.signIn(actor.email);
    if (response.status !== 200) throw new Error(`${actor.email} could not sign in (${response.status})`);
    clients.set(actor.email, client);
  }
});

interface Case {
  actor: Actor;
  operation: Operation;
  target: Target;
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({ actor: fc.constantFrom(...ACTORS), operation: fc.constantFrom(...OPERATIONS) })
  .chain(({ actor, operation }) => fc.constantFrom(...targetsOf(operation.target)).map((target) => ({ actor, operation, target })));

/** Nothing answered: null, an empty list, or a connection without edges. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const edges = (value as { edges?: unknown }).edges;
  return Array.isArray(edges) && edges.length === 0;
}

/** Every way this answer breaks the rules (empty when it keeps them). */
function violations({ actor, operation, target }: Case, answer: { data?: Record<string, unknown> | null }): string[] {
  const found: string[] = [];
  for (const id of idsIn(answer.data)) {
    if (!maySee(actor, owners.get(id)!)) found.push(`answer holds ${owners.get(id)!.kind} ${id} of ${owners.get(id)!.schoolId}`);
  }
  if (actor.role === 'volunteer' || actor.role === 'dpl') for (const path of sensitiveIn(answer.data)) found.push(`a ${actor.role} received ${path}`);
  const allowed = operation.allowed(actor, target);
  const rootValue = answer.data?.[operation.root];
  if (allowed === false) {
    if (operation.write) {
      const result = rootValue as { error?: unknown } | null | undefined;
      if (result && !result.error) found.push("a write outside the actor's reach succeeded");
    } else if (!isEmpty(rootValue)) {
      found.push(`${operation.root} answered outside the actor's reach`);
    }
  }
  return found;
}

describe('cross-tenant property', () => {
  it(`holds for ${CASES.toLocaleString('en-GB')} generated actor × operation × target cases`, async () => {
    const cases = fc.sample(caseArbitrary, { numRuns: CASES, seed: 20261206 });
    const failures: string[] = [];
    let allowedAnswered = 0;
    let refused = 0;
    for (let start = 0; start < cases.length; start += CONCURRENCY) {
      await Promise.all(
        cases.slice(start, start + CONCURRENCY).map(async (c) => {
          const answer = await clients.get(c.actor.email)!.query(c.operation.query, c.operation.variables(c.target));
          const problems = violations(c, answer);
          if (problems.length > 0) failures.push(`${c.actor.email} · ${c.operation.name} · ${JSON.stringify(c.target)}: ${problems.join('; ')}`);
          const allowed = c.operation.allowed(c.actor, c.target);
          if (allowed === false) refused += 1;
          if (allowed === true && !c.operation.write && answer.data?.[c.operation.root]) allowedAnswered += 1;
        }),
      );
    }
    expect([...new Set(failures)].slice(0, 20)).toEqual([]);
    // Not vacuous: many cases were aimed outside the actor's reach, and allowed reads did answer.
    expect(refused).toBeGreaterThan(CASES / 3);
    expect(allowedAnswered).toBeGreaterThan(CASES / 20);
  }, 900_000);

  it('spans three schools in two trusts, and every kind of actor', () => {
    expect(new Set(data.schools.map((s) => s.trustId)).size).toBe(2);
    expect([northfield, southbank, eastgate].every(Boolean)).toBe(true);
    expect(new Set(ACTORS.map((a) => a.role))).toEqual(new Set(['leader', 'analyst', 'pupil', 'parent', 'volunteer', 'dpl']));
  });
});
