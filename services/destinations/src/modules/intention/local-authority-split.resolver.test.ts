import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { parseCsv } from '@waymark/domain';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * The return split by the local authority each pupil lives in (docs/domain-rules.md, "The local
 * authority return"): Northfield (in Leeds) has Year 11 and 12 pupils living in Birmingham and in
 * Bradford, one of each opted out of sharing; the rest have no home authority recorded, or Leeds. The
 * attacks come first.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const trustId = data.trust.id;
const inReturn = data.pupils.filter((p) => p.schoolId === northfield.id && (p.yearGroup === 11 || p.yearGroup === 12));
const [brumStays, brumOut, bradfordStays, bradfordOut, leedsNamed] = inReturn;
const unrecorded = inReturn.slice(5);

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: brumStays.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const returnKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['destinations:read', 'reports:read'], displayName: 'Warehouse' });

const RETURN = `query ($code: String) { intentionReturn(localAuthorityCode: $code) { localAuthority localAuthorityCode fileName csv included optedOut homeNotRecorded } }`;
const AUTHORITIES = `{ intentionReturnAuthorities { authorities { code name schoolsOwn included optedOut homeNotRecorded } homeNotRecorded } }`;
interface ReturnView {
  localAuthority: string;
  localAuthorityCode: string | null;
  fileName: string;
  csv: string;
  included: number;
  optedOut: number;
  homeNotRecorded: number;
}

let harness: Harness;
const upnsOf = (csv: string) =>
  parseCsv(csv)
    .records.slice(1)
    .map((record) => record.cells[0])
    .sort();
const sorted = (pupils: { upn: string }[]) => pupils.map((p) => p.upn).sort();

async function returnFor(who: Principal, code?: string | null): Promise<ReturnView> {
  const res = await harness.client.query<{ intentionReturn: ReturnView }>(who, RETURN, { code });
  expect(res.errors).toBeUndefined();
  return res.data!.intentionReturn;
}

beforeAll(async () => {
  harness = await startHarness();
  const set = (code: string, ids: string[]) =>
    harness.pupilsOrm.em.fork().execute(`update pupil set home_la_code = ? where id in (${ids.map(() => '?').join(', ')})`, [code, ...ids]);
  await set('330', [brumStays.id, brumOut.id]);
  await set('380', [bradfordStays.id, bradfordOut.id]);
  await set('383', [leedsNamed.id]);
  await harness.pupilsOrm.em
    .fork()
    .execute(`update pupil set local_authority_sharing_opt_out = true, opt_out_by = 'PARENT' where id in (?, ?)`, [brumOut.id, bradfordOut.id]);
});

afterAll(async () => {
  await harness?.close();
});

describe('the attacks', () => {
  it("gives another school's leader only their own pupils, whichever authority they ask for", async () => {
    for (const code of ['330', '380', '383', null]) {
      const answer = await returnFor(leaderSouth, code);
      for (const pupil of inReturn) expect(answer.csv).not.toContain(pupil.upn);
    }
    const res = await harness.client.query<{ intentionReturnAuthorities: { authorities: { code: string | null }[] } }>(leaderSouth, AUTHORITIES);
    expect(res.data!.intentionReturnAuthorities.authorities.map((authority) => authority.code)).toEqual(['380']);
  });

  it('refuses pupils, volunteers, trust analysts and API keys both the file and the list of authorities', async () => {
    for (const who of [pupilNorth, volunteer, analyst, returnKey]) {
      for (const query of [RETURN, AUTHORITIES]) {
        const res = await harness.client.query(who, query, { code: '330' });
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.data?.intentionReturn ?? res.data?.intentionReturnAuthorities ?? null).toBeNull();
      }
    }
  });

  it('never puts an opted-out pupil in any authority’s file, nor a pupil in a file of an authority they do not live in', async () => {
    for (const code of ['330', '380', '383', '201', null]) {
      const answer = await returnFor(leaderNorth, code);
      expect(answer.csv).not.toContain(brumOut.upn);
      expect(answer.csv).not.toContain(bradfordOut.upn);
    }
    expect((await returnFor(leaderNorth, '380')).csv).not.toContain(brumStays.upn);
    expect((await returnFor(leaderNorth, '330')).csv).not.toContain(bradfordStays.upn);
    expect((await returnFor(leaderNorth, '201')).csv).not.toContain(unrecorded[0].upn);
  });
  it('reads names and dates of birth only of the pupils in the file asked for, never of every Year 11 and 12 pupil', async () => {
    // The pupils subgraph records every read of a date of birth (its data access log): after one
    // authority's file, only that file's pupils have had theirs read.
    const since = new Date();
    await returnFor(leaderNorth, '330');
    const rows: { pupil_id: string }[] = await harness.pupilsOrm.em.fork().execute(
      `select distinct e.pupil_id from audit_event e join audit_event_field f on f.event_id = e.id
        where e.action = 'READ' and f.field = 'dateOfBirth' and e.occurred_at >= ?`,
      [since],
    );
    const read = rows.map((row) => row.pupil_id);
    expect(read).toEqual([brumStays.id]);
  });
});

describe('the return for each local authority', () => {
  it('lists the authorities the pupils live in, the school’s own first, with how many each return holds and how many have none recorded', async () => {
    const res = await harness.client.query<{ intentionReturnAuthorities: unknown }>(staffNorth, AUTHORITIES);
    expect(res.errors).toBeUndefined();
    expect(res.data!.intentionReturnAuthorities).toEqual({
      authorities: [
        { code: '383', name: 'Leeds', schoolsOwn: true, included: unrecorded.length + 1, optedOut: 0, homeNotRecorded: unrecorded.length },
        { code: '330', name: 'Birmingham', schoolsOwn: false, included: 1, optedOut: 1, homeNotRecorded: 0 },
        { code: '380', name: 'Bradford', schoolsOwn: false, included: 1, optedOut: 1, homeNotRecorded: 0 },
      ],
      homeNotRecorded: unrecorded.length,
    });
  });

  it("gives each authority the pupils who live there, and the school's own those with none recorded too", async () => {
    const birmingham = await returnFor(leaderNorth, '330');
    expect(birmingham).toMatchObject({ localAuthority: 'Birmingham', localAuthorityCode: '330', included: 1, optedOut: 1, homeNotRecorded: 0 });
    expect(upnsOf(birmingham.csv)).toEqual([brumStays.upn]);
    expect(birmingham.fileName).toMatch(new RegExp(`^intended-destinations-and-september-offer-${northfield.urn}-la330-\\d{4}-\\d{2}-\\d{2}\\.csv$`));

    const bradford = await returnFor(leaderNorth, ' 380 ');
    expect(bradford).toMatchObject({ localAuthority: 'Bradford', localAuthorityCode: '380', included: 1, optedOut: 1 });
    expect(upnsOf(bradford.csv)).toEqual([bradfordStays.upn]);

    const own = await returnFor(leaderNorth);
    expect(own).toMatchObject({
      localAuthority: 'Leeds',
      localAuthorityCode: '383',
      included: unrecorded.length + 1,
      optedOut: 0,
      homeNotRecorded: unrecorded.length,
    });
    expect(upnsOf(own.csv)).toEqual(sorted([leedsNamed, ...unrecorded]));
    expect(await returnFor(leaderNorth, '383')).toEqual(own);

    const nobody = await returnFor(leaderNorth, '201');
    expect(nobody).toMatchObject({ localAuthority: 'City of London', included: 0, optedOut: 0 });
    expect(parseCsv(nobody.csv).records).toHaveLength(1);
  });

  it('refuses a code that names no authority in England', async () => {
    for (const code of ['999', '909', 'Leeds']) {
      const res = await harness.client.query(leaderNorth, RETURN, { code });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toBe('That is not the code of a local authority in England: use its three-digit DfE code, such as 330 for Birmingham.');
    }
  });
});
