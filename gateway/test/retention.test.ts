import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { createApp as createDestinationsApp, destinationsService } from '@waymark/destinations';
import { createApp as createEmployersApp, employersService } from '@waymark/employers';
import { createApp as createEncountersApp, encountersService } from '@waymark/encounters';
import { createApp as createIdentityApp, identityService } from '@waymark/identity';
import { createApp as createPupilsApp, pupilsService, remoteTarget, runRetention, type RetentionTarget } from '@waymark/pupils';
import { boundSql, openDatabase, withSystemAccess, type Orm, type ServiceDefinition, type SubgraphServer } from '@waymark/subgraph-kit';
import { makePrincipal, SubgraphTestClient, testDatabase, testKeys, testSigner } from '@waymark/subgraph-kit/testing';

/*
 * Retention across every subgraph (docs/domain-rules.md, "Retention"): the five subgraphs run on their
 * own real databases, seeded with the demo data, and the pupils subgraph's job, its clock moved,
 * asks the other four over HTTP with the system credential. Maya left three years and a day before
 * that day, another pupil three years less a day. Afterwards no row about Maya in any subgraph's
 * tables holds her name, UPN, birthday or email, the other pupil's rows are as they were, and the
 * school's benchmark dashboard and destination figures are the same. A first run that finds the
 * employers subgraph down stops there for Maya (her name stays in the pupils subgraph); the next run
 * finishes; a third changes nothing.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const mayaAccount = data.accounts.find((a) => a.email === 'pupil@northfield.test')!;
const maya = data.pupils.find((p) => p.id === mayaAccount.pupilId)!;
const other = data.pupils.find((p) => p.schoolId === northfield.id && p.id !== maya.id && data.destinations.some((d) => d.pupilId === p.id))!;
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, accountId: randomUUID() });

type Service = Exclude<SubgraphName, 'pupils'>;
interface Running {
  orm: Orm;
  app: SubgraphServer;
  client: SubgraphTestClient;
  dispose: () => Promise<void>;
}
const running = new Map<SubgraphName, Running>();
const orm = (name: SubgraphName) => running.get(name)!.orm;
const url = (name: SubgraphName) => `${running.get(name)!.client.baseUrl}/graphql`;

async function start(definition: Pick<ServiceDefinition, 'name' | 'entities' | 'migrations' | 'seed'>, create: (orm: Orm) => Promise<SubgraphServer>) {
  const db = testDatabase(definition.name);
  const opened = await openDatabase({ service: definition.name, entities: definition.entities, migrations: definition.migrations, ...db.options });
  await definition.seed?.(opened, { secondTrust: false });
  const app = await create(opened);
  const client = await SubgraphTestClient.start(app);
  running.set(definition.name as SubgraphName, {
    orm: opened,
    app,
    client,
    dispose: async () => {
      await app.close();
      await opened.close(true);
      await db.dispose();
    },
  });
}

const read = (name: SubgraphName, sql: string, params: unknown[] = []) =>
  withSystemAccess(orm(name), 'test: reading what is kept', async (em) => (await boundSql(em, sql, params)).rows);

/** Every row of every table about the pupil (a pupil_id column, or the pupil row itself), in every subgraph, as JSON text by table. */
async function everythingAbout(pupilId: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const name of running.keys()) {
    const tables = (
      await read(name, "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'pupil_id' order by 1")
    ).map((row) => row.table_name as string);
    for (const table of tables)
      found[`${name}.${table}`] = JSON.stringify(await read(name, `select * from "${table}" where pupil_id = $1 order by 1`, [pupilId]));
  }
  found['pupils.pupil'] = JSON.stringify(await read('pupils', 'select * from pupil where id = $1', [pupilId]));
  found['identity.links'] = JSON.stringify(await read('identity', 'select id from account where $1::uuid = any(child_pupil_ids) order by id', [pupilId]));
  return found;
}

const DASHBOARD = `query ($schoolId: ID, $asOf: String) { schoolDashboard(schoolId: $schoolId, asOf: $asOf) {
  pupilCount cells { measure yearGroup group eligible met inProgress notMet } groupCells { measure yearGroup group eligible met inProgress notMet } } }`;
const DESTINATIONS = `query ($schoolId: ID) { destinationAnalytics(schoolId: $schoolId) { leavingYears
  rows { leavingYear schoolId group leavers { count } sustained { count } intentionMet { count } categories { category intended { count } september { count } current { count } } } } }`;
let asOf: string;
async function figures(): Promise<unknown> {
  const dashboard = await running.get('encounters')!.client.query(leader, DASHBOARD, { schoolId: northfield.id, asOf });
  const destinations = await running.get('destinations')!.client.query(leader, DESTINATIONS, { schoolId: northfield.id });
  expect(dashboard.errors).toBeUndefined();
  expect(destinations.errors).toBeUndefined();
  return { dashboard: dashboard.data, destinations: destinations.data };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
let now: Date;
let words: string[];
let before: { figures: unknown; other: Record<string, string>; maya: Record<string, string> };
const targets = (down?: Service): RetentionTarget[] =>
  (['identity', 'employers', 'encounters', 'destinations'] as const).map((name) =>
    remoteTarget(name, name === down ? 'http://127.0.0.1:9/graphql' : url(name), testSigner()),
  );

beforeAll(async () => {
  const env = { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' as const };
  await start(pupilsService, (o) => createPupilsApp({ env, orm: o }));
  const pupilsUrl = url('pupils');
  await start(encountersService, (o) => createEncountersApp({ env: { ...env, pupilsUrl }, orm: o }));
  await start(destinationsService, (o) => createDestinationsApp({ env: { ...env, pupilsUrl }, orm: o }));
  await start(employersService, (o) => createEmployersApp({ env: { ...env, pupilsUrl, encountersUrl: url('encounters') }, orm: o }));
  await start(identityService, (o) => createIdentityApp({ env: { ...env, pupilsUrl, mail: null }, orm: o }));

  // The clock: three years and a day after Maya left, which is before any demo pupil left.
  const [{ first }] = await read('pupils', 'select min(left_on)::text as first from pupil where left_on is not null');
  const mayaLeft = new Date(`${typeof first === 'string' ? first : '2026-07-20'}T12:00:00Z`);
  mayaLeft.setUTCDate(mayaLeft.getUTCDate() - 10);
  const otherLeft = new Date(mayaLeft);
  otherLeft.setUTCDate(otherLeft.getUTCDate() + 2);
  now = new Date(mayaLeft);
  now.setUTCFullYear(now.getUTCFullYear() + 3);
  now.setUTCDate(now.getUTCDate() + 1);
  const dayBefore = new Date(mayaLeft);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  asOf = day(dayBefore);
  await withSystemAccess(orm('pupils'), 'test: two leavers', async (em) => {
    for (const [pupil, left] of [
      [maya, mayaLeft],
      [other, otherLeft],
    ] as const)
      await boundSql(em, 'update pupil set left_on = $2, enrolled_on = least(enrolled_on, $2::date - 400) where id = $1', [pupil.id, day(left)]);
  });
  // Words of their own in every subgraph that keeps any.
  await withSystemAccess(orm('employers'), 'test: placement applications', async (em) => {
    const [placement] = (await boundSql<{ id: string }>(em, 'select id from placement order by id limit 1', [])).rows;
    for (const pupil of [maya, other])
      await boundSql(
        em,
        `insert into placement_application (id, placement_id, pupil_id, school_id, first_name, year_group, statement, status, created_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 11, $5, 'PENDING', now())`,
        [placement.id, pupil.id, northfield.id, pupil.legalForename, `I am ${pupil.legalForename} ${pupil.legalSurname} and I love animals`],
      );
  });
  await withSystemAccess(orm('destinations'), 'test: hopes', async (em) => {
    for (const pupil of [maya, other])
      await boundSql(
        em,
        `insert into aspiration (id, pupil_id, school_id, trust_id, text, hashtags, entered_at) values (gen_random_uuid(), $1, $2, $3, $4, '{vet}', now())`,
        [pupil.id, northfield.id, trustId, `${pupil.legalForename} ${pupil.legalSurname} wants to be a vet`],
      );
  });
  await withSystemAccess(orm('encounters'), 'test: reflections', (em) =>
    boundSql(em, "update participation set reflection = 'I, ' || $2 || ', loved it' where pupil_id = $1", [maya.id, maya.legalForename]),
  );

  const [mayaRow] = await read('pupils', 'select date_of_birth::text as dob, upn from pupil where id = $1', [maya.id]);
  words = [maya.legalForename, maya.legalSurname, String(mayaRow.upn), String(mayaRow.dob), mayaAccount.email];
  if (maya.preferredName) words.push(maya.preferredName);
  before = { figures: await figures(), other: await everythingAbout(other.id), maya: await everythingAbout(maya.id) };
  // Maya's details are there to begin with, in every subgraph that keeps some.
  for (const table of ['pupils.pupil', 'identity.account', 'employers.placement_application', 'destinations.aspiration', 'encounters.participation'])
    expect(before.maya[table], table).toContain(maya.legalForename);
}, 300_000);

afterAll(async () => {
  for (const service of running.values()) await service.dispose();
});

const leftAbout = (found: Record<string, string>) => Object.entries(found).filter(([, text]) => words.some((word) => text.includes(word)));

describe('retention across every subgraph', () => {
  it('a run that finds the employers subgraph down stops there: Maya keeps her name in the pupils subgraph, and nothing is marked', async () => {
    const run = await runRetention({ orm: orm('pupils'), now, others: targets('employers') });
    expect(run.pseudonymised).toEqual([]);
    expect(run.failed.map((f) => [f.pupilId, f.subgraph])).toEqual([[maya.id, 'employers']]);
    const steps = await read('pupils', 'select subgraph from retention_step where pupil_id = $1', [maya.id]);
    expect(steps.map((s) => s.subgraph)).toEqual(['identity']);
    const found = await everythingAbout(maya.id);
    expect(found['pupils.pupil']).toContain(maya.legalSurname);
    expect(found['employers.placement_application']).toContain(maya.legalSurname);
    expect(found['identity.account']).not.toContain(mayaAccount.email);
    expect(await everythingAbout(other.id)).toEqual(before.other);
  });

  it('the next run finishes: nothing of Maya’s is left in any subgraph, the other pupil is untouched, the figures are the same', async () => {
    const run = await runRetention({ orm: orm('pupils'), now, others: targets() });
    expect(run).toEqual({ pseudonymised: [maya.id], failed: [] });
    const found = await everythingAbout(maya.id);
    expect(leftAbout(found)).toEqual([]);
    expect(found['identity.links']).toBe('[]');
    expect(JSON.parse(found['pupils.pupil'])[0]).toMatchObject({ legal_forename: 'Former', legal_surname: 'pupil', school_id: northfield.id });
    expect(JSON.parse(found['pupils.pupil'])[0].pseudonymised_at).not.toBeNull();
    // Her rows are still there to be counted.
    for (const table of ['encounters.participation', 'destinations.aspiration', 'employers.placement_application'])
      expect(JSON.parse(found[table]).length, table).toBeGreaterThan(0);
    expect(await everythingAbout(other.id)).toEqual(before.other);
    expect(await figures()).toEqual(before.figures);
  });

  it('a third run changes nothing', async () => {
    const maya1 = await everythingAbout(maya.id);
    const run = await runRetention({ orm: orm('pupils'), now, others: targets() });
    expect(run).toEqual({ pseudonymised: [], failed: [] });
    expect(await everythingAbout(maya.id)).toEqual(maya1);
    expect(await everythingAbout(other.id)).toEqual(before.other);
  });
});
