import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { PSEUDONYMISED } from '@waymark/domain';
import { remoteTarget, RETENTION_PRINCIPAL, runRetention, type RetentionTarget } from '@waymark/pupils';
import { boundSql, withSystemAccess, type Orm } from '@waymark/subgraph-kit';
import { makePrincipal, testSigner } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * The retention job across two real subgraphs (docs/domain-rules.md, "Retention"): the pupils
 * subgraph's job, with its clock moved to a chosen day, asks this destinations subgraph over HTTP
 * with the system credential. One leaver left three years and a day before that day, another three
 * years less a day: afterwards nothing of the first's name, UPN, birthday or words is left in either
 * subgraph's tables, the second is untouched, and the destination figures are the same. Run twice,
 * the second run changes nothing; a first run that meets this subgraph down leaves the leaver as they
 * were, and the next run finishes.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, accountId: randomUUID() });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: false, accountId: randomUUID() });
const withDestinations = data.pupils.filter((p) => p.schoolId === northfield.id && data.destinations.some((d) => d.pupilId === p.id));
const [gone, recent] = withDestinations;
// The clock is moved to three years and a day after the first leaver left, and is set before every
// other leaver of the demo data left, so only these two are near the line.
let NOW: Date;
const day = (date: Date) => date.toISOString().slice(0, 10);

const FIGURES = `query ($schoolId: ID) { destinationAnalytics(schoolId: $schoolId) { exact leavingYears
  rows { leavingYear schoolId group leavers { count percent suppressed } sustained { count percent suppressed } intentionMet { count percent suppressed }
    categories { category intended { count suppressed } september { count suppressed } current { count suppressed } } } } }`;
const TABLES = ['destination', 'intention', 'aspiration', 'activity_spell', 'september_offer'];

let h: Harness;
let destinations: RetentionTarget;

const read = (orm: Orm, sql: string, params: unknown[]) =>
  withSystemAccess(orm, 'test: reading what is kept', async (em) => (await boundSql(em, sql, params)).rows);
const pupilRow = async (id: string) => (await read(h.pupilsOrm, 'select * from pupil where id = $1', [id]))[0];
/** Every row about the pupil in this subgraph's tables, as text. */
const destinationRows = async (id: string) => {
  const all: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) all[table] = await read(h.orm, `select * from ${table} where pupil_id = $1 order by id`, [id]);
  return all;
};
const figures = async (who: Principal, schoolId?: string) => {
  const res = await h.client.query(who, FIGURES, { schoolId });
  expect(res.errors).toBeUndefined();
  return res.data;
};

let before: { leader: unknown; analyst: unknown; recentPupil: unknown; recentRows: unknown };
let words: string[];

beforeAll(async () => {
  h = await startHarness();
  destinations = remoteTarget('destinations', `${h.client.baseUrl}/graphql`, testSigner());
  const [{ first }] = await read(h.pupilsOrm, 'select min(left_on)::text as first from pupil where left_on is not null', []);
  const goneLeft = new Date(`${typeof first === 'string' ? first : '2026-07-20'}T12:00:00Z`);
  goneLeft.setUTCDate(goneLeft.getUTCDate() - 10);
  const GONE_LEFT = day(goneLeft); // three years and a day before NOW
  const recentLeft = new Date(goneLeft);
  recentLeft.setUTCDate(recentLeft.getUTCDate() + 2);
  const RECENT_LEFT = day(recentLeft); // a day short of three years before NOW
  NOW = new Date(goneLeft);
  NOW.setUTCFullYear(NOW.getUTCFullYear() + 3);
  NOW.setUTCDate(NOW.getUTCDate() + 1);
  await withSystemAccess(h.pupilsOrm, 'test: two leavers', async (em) => {
    await boundSql(em, 'update pupil set left_on = $2, enrolled_on = least(enrolled_on, $2::date) where id = $1', [gone.id, GONE_LEFT]);
    await boundSql(em, 'update pupil set left_on = $2, enrolled_on = least(enrolled_on, $2::date) where id = $1', [recent.id, RECENT_LEFT]);
  });
  await withSystemAccess(h.orm, 'test: their hopes and a provider', async (em) => {
    for (const pupil of [gone, recent]) {
      await boundSql(
        em,
        `insert into aspiration (id, pupil_id, school_id, trust_id, text, hashtags, entered_at) values (gen_random_uuid(), $1, $2, $3, $4, '{vet}', now())`,
        [pupil.id, northfield.id, trustId, `I am ${pupil.legalForename} ${pupil.legalSurname} and I want to be a vet`],
      );
      await boundSql(em, `update destination set provider = $2 where pupil_id = $1`, [pupil.id, `${pupil.legalSurname} Family Farm`]);
      await boundSql(
        em,
        `insert into september_offer (id, pupil_id, school_id, trust_id, year_group, status, place_kind, provider, note, entered_by_id, entered_by_role, entered_at)
         values (gen_random_uuid(), $1, $2, $3, 11, 'OFFER_MADE', 'APPRENTICESHIP', $4, $5, 'staff-account', 'careers_leader', now())`,
        [pupil.id, northfield.id, trustId, `${pupil.legalSurname} Family Farm`, `Offered by ${pupil.legalForename}'s uncle`],
      );
    }
  });
  const gonePupil = await pupilRow(gone.id);
  words = [
    gone.legalForename,
    gone.legalSurname,
    gone.upn,
    String(gonePupil.date_of_birth instanceof Date ? gonePupil.date_of_birth.toISOString().slice(0, 10) : gonePupil.date_of_birth),
  ];
  if (gone.preferredName) words.push(gone.preferredName);
  before = {
    leader: await figures(leader, northfield.id),
    analyst: await figures(analyst),
    recentPupil: await pupilRow(recent.id),
    recentRows: await destinationRows(recent.id),
  };
}, 120_000);

afterAll(() => h?.close());

/** Every column of every row about the pupil, in both subgraphs, as one text. */
async function everythingAbout(id: string): Promise<string> {
  const pupils = await read(h.pupilsOrm, 'select row_to_json(p)::text as t from pupil p where id = $1', [id]);
  const comments = await read(h.pupilsOrm, 'select row_to_json(c)::text as t from record_comment c where pupil_id = $1', [id]);
  return JSON.stringify([pupils, comments, await destinationRows(id)]);
}

describe('the retention job across subgraphs', () => {
  it('pseudonymisePupil here is refused to a careers leader and to an API key', async () => {
    const mutation = 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }';
    for (const who of [leader, makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['reports:read'] })]) {
      const res = await h.client.query(who, mutation, { id: gone.id });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await everythingAbout(gone.id)).toContain(gone.legalSurname);
  });

  it('a run that finds this subgraph down leaves the leaver as they were', async () => {
    const before = await everythingAbout(gone.id);
    const down = remoteTarget('destinations', 'http://127.0.0.1:9/graphql', testSigner());
    const run = await runRetention({ orm: h.pupilsOrm, now: NOW, others: [down] });
    expect(run.pseudonymised).toEqual([]);
    expect(run.failed.map((f) => [f.pupilId, f.subgraph])).toEqual([[gone.id, 'destinations']]);
    expect(await everythingAbout(gone.id)).toEqual(before);
    expect((await pupilRow(gone.id)).pseudonymised_at).toBeNull();
  });

  it('the next run pseudonymises the leaver of more than three years in both subgraphs, and only them', async () => {
    const run = await runRetention({ orm: h.pupilsOrm, now: NOW, others: [destinations] });
    expect(run).toEqual({ pseudonymised: [gone.id], failed: [] });
    const left = await everythingAbout(gone.id);
    for (const word of words) expect(left, word).not.toContain(word);
    const pupil = await pupilRow(gone.id);
    expect(pupil).toMatchObject({
      legal_forename: 'Former',
      legal_surname: 'pupil',
      preferred_name: null,
      school_id: northfield.id,
      year_group: gone.yearGroup,
    });
    expect(pupil.pseudonymised_at).not.toBeNull();
    const steps = await read(h.pupilsOrm, 'select subgraph from retention_step where pupil_id = $1 order by subgraph', [gone.id]);
    expect(steps.map((s) => s.subgraph)).toEqual(['destinations', 'pupils']);
    const rows = await destinationRows(gone.id);
    expect(rows.destination.length).toBeGreaterThan(0);
    expect(rows.aspiration.map((a) => a.hashtags)).toEqual([[]]);
    // The September offer keeps its status and kind of place, which the return counts; the words go.
    expect(rows.september_offer.map(({ status, place_kind, provider, note }) => ({ status, place_kind, provider, note }))).toEqual([
      { status: 'OFFER_MADE', place_kind: 'APPRENTICESHIP', provider: null, note: PSEUDONYMISED.text },
    ]);

    expect(await pupilRow(recent.id)).toEqual(before.recentPupil);
    expect(await destinationRows(recent.id)).toEqual(before.recentRows);
    expect(await figures(leader, northfield.id)).toEqual(before.leader);
    expect(await figures(analyst)).toEqual(before.analyst);
  });

  it('a second run changes nothing', async () => {
    const gone1 = await everythingAbout(gone.id);
    const run = await runRetention({ orm: h.pupilsOrm, now: NOW, others: [destinations] });
    expect(run).toEqual({ pseudonymised: [], failed: [] });
    expect(await everythingAbout(gone.id)).toEqual(gone1);
    expect(await pupilRow(recent.id)).toEqual(before.recentPupil);
  });

  it('this subgraph’s step alone, asked again with the system credential, is a no-op', async () => {
    const gone1 = await destinationRows(gone.id);
    const res = await h.client.query(RETENTION_PRINCIPAL, 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }', { id: gone.id });
    expect(res.data).toEqual({ pseudonymisePupil: true });
    expect(await destinationRows(gone.id)).toEqual(gone1);
  });
});
