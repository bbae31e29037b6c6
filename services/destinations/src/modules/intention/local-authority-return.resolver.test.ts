import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { parseCsv } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * The local authority return through the API (`localAuthorityReturn`; docs/trust-api.md, "The local
 * authority return"): the same pupils and facts as each school's CSV file, for a trust's analysts and
 * its API keys with the destinations:read scope. The attacks come first.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const inYears = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && (p.yearGroup === 11 || p.yearGroup === 12));
const byUpn = new Map(data.pupils.map((p) => [p.upn, p]));
const [optingOut, planning] = inYears(northfield.id).filter(
  (p) => p.yearGroup === 11 && !data.destinations.some((d) => d.pupilId === p.id && d.stage === 'INTENDED'),
);
const sixthFormer = inYears(northfield.id).find((p) => p.yearGroup === 12)!;
// Where some of them live (Northfield is in Leeds, 383; Southbank in Bradford, 380): Birmingham (330)
// holds pupils of both schools, and one Southbank pupil who lives there opts out in the attacks.
const [livesInLeeds] = inYears(northfield.id).filter((p) => p.id !== optingOut.id && p.id !== planning.id && p.id !== sixthFormer.id);
const [southInBrum, southOut, southInLeeds] = inYears(southbank.id);
const HOMES: [string, string[]][] = [
  ['330', [planning.id, optingOut.id, southInBrum.id, southOut.id]],
  ['380', [sixthFormer.id]],
  ['383', [livesInLeeds.id, southInLeeds.id]],
];
const homeOf = new Map(HOMES.flatMap(([code, ids]) => ids.map((id) => [id, code] as const)));

const key = (scopes: string[], trustId: string | null = data.trust.id): Principal =>
  makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes, displayName: 'Warehouse' });
const returnKey = key(['destinations:read']);
const otherTrustKey = key(['destinations:read', 'reports:read'], randomUUID());
const reportsKey = key(['reports:read', 'roster:write']);
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const analystWithAccess = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: planning.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const otherAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
const parent = makePrincipal({ roles: ['parent'], childPupilIds: [planning.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const alumnus = makePrincipal({ roles: ['alumni'], volunteerId: randomUUID() });

const ROW = `pupilId schoolId yearGroup localAuthorityCode localAuthorityName homeLocalAuthorityRecorded upn firstName lastName dateOfBirth
  addressLine1 addressLine2 town postcode parentCarerName parentCarerAddress intendedDestination intendedDestinationLabel apprenticeshipLevel provider course
  recordedOn recordedBy septemberOffer septemberOfferLabel offerPlaceKind offerPlaceLabel offerProvider offerNote`;
const RETURN = `query ($schoolId: ID, $first: Int, $after: String, $code: String) {
  localAuthorityReturn(schoolId: $schoolId, first: $first, after: $after, localAuthorityCode: $code) {
    totalCount edges { cursor node { ${ROW} } } pageInfo { hasNextPage endCursor }
  }
}`;
interface Row {
  pupilId: string;
  schoolId: string;
  yearGroup: number;
  localAuthorityCode: string | null;
  localAuthorityName: string;
  homeLocalAuthorityRecorded: boolean;
  upn: string | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  parentCarerName: string | null;
  parentCarerAddress: string | null;
  intendedDestination: string | null;
  intendedDestinationLabel: string | null;
  apprenticeshipLevel: number | null;
  provider: string | null;
  course: string | null;
  recordedOn: string | null;
  recordedBy: string | null;
  septemberOffer: string | null;
  septemberOfferLabel: string;
  offerPlaceKind: string | null;
  offerPlaceLabel: string | null;
  offerProvider: string | null;
  offerNote: string | null;
}
interface Page {
  totalCount: number;
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let harness: Harness;
const ask = (who: Principal, variables: { schoolId?: string; first?: number; after?: string | null; code?: string | null } = {}) =>
  harness.client.query<{ localAuthorityReturn: Page | null }>(who, RETURN, variables);

/** Every row, page by page, as an integration would read them (with a code: that authority's only), checking totalCount on each page. */
async function readAll(who: Principal, first: number, schoolId?: string, code?: string | null): Promise<Row[]> {
  const rows: Row[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const res = await ask(who, { first, after, ...(schoolId ? { schoolId } : {}), ...(code === undefined ? {} : { code }) });
    expect(res.errors).toBeUndefined();
    const page = res.data!.localAuthorityReturn!;
    totals.add(page.totalCount);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) {
      expect([...totals]).toEqual([rows.length]);
      return rows;
    }
    after = page.pageInfo.endCursor;
  }
  throw new Error('the return never ended');
}

/** One of the school's CSV files (the school's own authority's when no code is given), read by its careers leader: its lines by pupil id. */
async function schoolFile(leader: Principal, code?: string | null): Promise<Map<string, string[]>> {
  const res = await harness.client.query<{ intentionReturn: { csv: string } }>(
    leader,
    'query ($code: String) { intentionReturn(localAuthorityCode: $code) { csv } }',
    {
      code,
    },
  );
  const [, ...lines] = parseCsv(res.data!.intentionReturn.csv).records.map((record) => record.cells);
  return new Map(lines.map((line) => [byUpn.get(line[0])!.id, line]));
}

/** Every file of the school, one per authority its pupils live in (intentionReturnAuthorities): code, name and lines. */
async function schoolFiles(leader: Principal): Promise<{ code: string | null; name: string; lines: Map<string, string[]> }[]> {
  const res = await harness.client.query<{ intentionReturnAuthorities: { authorities: { code: string | null; name: string }[] } }>(
    leader,
    '{ intentionReturnAuthorities { authorities { code name } } }',
  );
  return Promise.all(res.data!.intentionReturnAuthorities.authorities.map(async ({ code, name }) => ({ code, name, lines: await schoolFile(leader, code) })));
}

/** Every line of all the school's files, by pupil id. */
const allLines = async (leader: Principal) => new Map((await schoolFiles(leader)).flatMap((file) => [...file.lines]));

/** A row of the API as the cells of the school's file (the personal ones as given, empty when null). */
const asLine = (row: Row): string[] => [
  row.upn ?? '',
  row.lastName ?? '',
  row.firstName ?? '',
  row.dateOfBirth ?? '',
  row.addressLine1 ?? '',
  row.addressLine2 ?? '',
  row.town ?? '',
  row.postcode ?? '',
  row.parentCarerName ?? '',
  row.parentCarerAddress ?? '',
  String(row.yearGroup),
  row.intendedDestinationLabel ?? '',
  row.apprenticeshipLevel === null ? '' : String(row.apprenticeshipLevel),
  row.provider ?? '',
  row.course ?? '',
  row.recordedOn ?? '',
  row.recordedBy ?? '',
  row.septemberOfferLabel,
  row.offerPlaceLabel ?? '',
  row.offerProvider ?? '',
  row.offerNote ?? '',
];

beforeAll(async () => {
  harness = await startHarness();
  for (const [code, ids] of HOMES)
    await harness.pupilsOrm.em.fork().execute(`update pupil set home_la_code = ? where id in (${ids.map(() => '?').join(', ')})`, [code, ...ids]);
  // Addresses and parents for two pupils: one parent with an address of their own, one at the pupil's.
  await harness.pupilsOrm.em.fork().execute(
    `update pupil set address_line1 = '4 Birch Close', address_town = 'Birmingham', address_postcode = 'B33 8TH', parent_carer_name = 'Sam Reid',
        parent_carer_address_line1 = '9 Mill Street', parent_carer_address_town = 'Bradford', parent_carer_address_postcode = 'BD1 1AA' where id = ?`,
    [planning.id],
  );
  await harness.pupilsOrm.em.fork().execute(
    `update pupil set address_line1 = '7 Oak Lane', address_line2 = 'Thornton', address_town = 'Bradford', address_postcode = 'BD13 3AA',
        parent_carer_name = 'Jo Bell', parent_carer_same_address = true where id = ?`,
    [sixthFormer.id],
  );
  // A plan and an offer for one Year 11 pupil, and an answer with a note for a Year 12 pupil.
  const plan = await harness.client.query<{ recordIntention: { error: unknown } }>(
    leaderNorth,
    'mutation ($input: RecordIntentionInput!) { recordIntention(input: $input) { error { code } } }',
    { input: { pupilId: planning.id, kind: 'APPRENTICESHIP', apprenticeshipLevel: 3, provider: 'Aire Engineering', course: 'Maintenance technician' } },
  );
  expect(plan.data!.recordIntention.error).toBeNull();
  const offers = 'mutation ($input: RecordSeptemberOffersInput!) { recordSeptemberOffers(input: $input) { recorded error { code } } }';
  for (const input of [
    { pupilIds: [planning.id], status: 'OFFER_MADE', placeKind: 'APPRENTICESHIP', provider: 'Aire Engineering' },
    { pupilIds: [sixthFormer.id], status: 'NOT_APPROPRIATE', note: 'Moving to Spain with her family' },
  ]) {
    const res = await harness.client.query<{ recordSeptemberOffers: { recorded: number } }>(leaderNorth, offers, { input });
    expect(res.data!.recordSeptemberOffers.recorded).toBe(1);
  }
});

afterAll(async () => {
  await harness?.close();
});

describe('localAuthorityReturn: attacks', () => {
  it('never gives a key the row of a pupil who opted out of sharing with the local authority, at any page size or school', async () => {
    // The pupil is in the answer before the opt-out, so the check below can fail.
    expect((await readAll(returnKey, 200)).some((row) => row.pupilId === optingOut.id)).toBe(true);
    const consent = await harness.pupils.query<{ setPupilConsent: { error: unknown } }>(
      leaderNorth,
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: optingOut.id, localAuthoritySharingOptOut: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();
    for (const [who, sizes] of [
      [returnKey, [7, 200]],
      [analyst, [200]],
      [analystWithAccess, [200]],
    ] as const)
      for (const first of sizes) {
        const rows = await readAll(who, first);
        expect(rows.some((row) => row.pupilId === optingOut.id)).toBe(false);
        expect((await readAll(who, first, northfield.id)).some((row) => row.pupilId === optingOut.id)).toBe(false);
      }
    const everything = await ask(analystWithAccess, { first: 200 });
    expect(JSON.stringify(everything.data)).not.toContain(optingOut.upn);
    expect(JSON.stringify(everything.data)).not.toContain(optingOut.id);
    expect(
      everything.data!.localAuthorityReturn!.edges.some(({ node }) => node.dateOfBirth === optingOut.dateOfBirth && node.lastName === optingOut.legalSurname),
    ).toBe(false);
    // The school's files leave them out too, so both say the same.
    expect((await allLines(leaderNorth)).has(optingOut.id)).toBe(false);
  });

  it("gives another trust's key nothing: no rows for its whole trust, and a refusal for one of these schools", async () => {
    const whole = await ask(otherTrustKey, { first: 200 });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.localAuthorityReturn).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    for (const school of [northfield, southbank]) {
      const res = await ask(otherTrustKey, { schoolId: school.id });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.data?.localAuthorityReturn ?? null).toBeNull();
    }
    // A cursor from this trust's answer opens nothing either.
    const ours = (await ask(returnKey, { first: 2 })).data!.localAuthorityReturn!.pageInfo.endCursor!;
    expect((await ask(otherTrustKey, { after: ours })).data!.localAuthorityReturn!.edges).toEqual([]);
  });

  it('refuses a key without destinations:read, naming the scope, and everyone but trust analysts', async () => {
    const res = await ask(reportsKey);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('destinations:read');
    expect(res.data?.localAuthorityReturn ?? null).toBeNull();
    for (const who of [leaderNorth, pupilNorth]) {
      const refused = await ask(who);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.localAuthorityReturn ?? null).toBeNull();
    }
  });

  it('keeps names, UPN, date of birth, addresses, parents and the note of the offer from keys and from analysts without pupil-level access', async () => {
    // An analyst with pupil-level access gets the address, so the checks below can fail.
    expect((await readAll(analystWithAccess, 200)).find((row) => row.pupilId === planning.id)).toMatchObject({
      postcode: 'B33 8TH',
      parentCarerName: 'Sam Reid',
    });
    for (const who of [returnKey, analyst]) {
      const rows = await readAll(who, 200);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect([row.upn, row.firstName, row.lastName, row.dateOfBirth, row.offerNote]).toEqual([null, null, null, null, null]);
      for (const row of rows)
        expect([row.addressLine1, row.addressLine2, row.town, row.postcode, row.parentCarerName, row.parentCarerAddress]).toEqual([
          null,
          null,
          null,
          null,
          null,
          null,
        ]);
      for (const code of [null, '330', '380'])
        for (const secret of ['Birch', 'B33', 'Sam Reid', 'Mill Street', 'Oak Lane', 'Jo Bell', 'Same as pupil'])
          expect(JSON.stringify((await ask(who, { first: 200, code })).data)).not.toContain(secret);
      expect(rows.find((row) => row.pupilId === sixthFormer.id)).toMatchObject({ septemberOffer: 'NOT_APPROPRIATE', offerNote: null });
    }
  });

  it("tells another trust's key or analyst nothing of where our pupils live, with or without a local authority", async () => {
    for (const who of [otherTrustKey, otherAnalyst])
      for (const code of [null, '330', '380', '383']) {
        const whole = await ask(who, { first: 200, code });
        expect(whole.errors).toBeUndefined();
        expect(whole.data!.localAuthorityReturn).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
        for (const school of [northfield, southbank]) {
          const res = await ask(who, { schoolId: school.id, code });
          expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
          expect(res.data?.localAuthorityReturn ?? null).toBeNull();
          for (const pupil of inYears(school.id)) expect(JSON.stringify(res)).not.toContain(pupil.id);
        }
      }
  });

  it('never gives a row of an opted-out pupil, with or without a local authority, to anyone, after giving it before', async () => {
    const codes = [undefined, null, '330', '383'];
    // In Birmingham's rows of the trust and of Southbank before the opt-out, so the checks below can fail.
    for (const schoolId of [undefined, southbank.id])
      expect((await readAll(returnKey, 200, schoolId, '330')).find((row) => row.pupilId === southOut.id)).toMatchObject({
        localAuthorityCode: '330',
        localAuthorityName: 'Birmingham',
        homeLocalAuthorityRecorded: true,
      });
    const consent = await harness.pupils.query<{ setPupilConsent: { error: unknown } }>(
      leaderSouth,
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: southOut.id, localAuthoritySharingOptOut: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();
    for (const [who, sizes] of [
      [returnKey, [7, 200]],
      [analyst, [200]],
      [analystWithAccess, [200]],
    ] as const)
      for (const code of codes)
        for (const schoolId of [undefined, southbank.id, northfield.id])
          for (const first of sizes) {
            const rows = await readAll(who, first, schoolId, code);
            expect(rows.some((row) => row.pupilId === southOut.id || row.pupilId === optingOut.id)).toBe(false);
          }
    // And in none of the school's files either.
    expect((await allLines(leaderSouth)).has(southOut.id)).toBe(false);
  });

  it('refuses the field, with or without a local authority, to a pupil, a parent, a volunteer, an alumnus and school staff', async () => {
    for (const who of [pupilNorth, parent, volunteer, alumnus, leaderNorth, staffNorth, leaderSouth])
      for (const code of [undefined, '330']) {
        const res = await ask(who, code ? { code } : {});
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.data?.localAuthorityReturn ?? null).toBeNull();
      }
    // A key without destinations:read is refused before the code is looked at.
    const refused = await ask(reportsKey, { code: '330' });
    expect(refused.errors?.[0].message).toContain('destinations:read');
  });

  it('refuses a code that names no local authority in England, saying so', async () => {
    for (const code of ['999', '909', 'Leeds', '33']) {
      const res = await ask(returnKey, { code });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toBe('That is not the code of a local authority in England: use its three-digit DfE code, such as 330 for Birmingham.');
      expect(res.data?.localAuthorityReturn ?? null).toBeNull();
    }
  });

  it('refuses a cursor it did not give out, and a school id that is not one', async () => {
    for (const variables of [
      { after: 'bm90IGEgY3Vyc29y' },
      { after: Buffer.from(JSON.stringify(['x', 11, 'y'])).toString('base64url') },
      { schoolId: 'north' },
    ]) {
      const res = await ask(returnKey, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('localAuthorityReturn: the rows', () => {
  it("holds the same pupils and facts as each school's file, whole trust or one school", async () => {
    const files = new Map([...(await allLines(leaderNorth)), ...(await allLines(leaderSouth))]);
    const full = await readAll(analystWithAccess, 200);
    expect(full.map((row) => row.pupilId).sort()).toEqual([...files.keys()].sort());
    for (const row of full) expect(asLine(row)).toEqual(files.get(row.pupilId));
    // The address and parent or carer, as the files give them.
    expect(full.find((row) => row.pupilId === planning.id)).toMatchObject({
      addressLine1: '4 Birch Close',
      addressLine2: null,
      town: 'Birmingham',
      postcode: 'B33 8TH',
      parentCarerName: 'Sam Reid',
      parentCarerAddress: '9 Mill Street, Bradford, BD1 1AA',
    });
    expect(full.find((row) => row.pupilId === sixthFormer.id)).toMatchObject({
      addressLine2: 'Thornton',
      parentCarerName: 'Jo Bell',
      parentCarerAddress: 'Same as pupil',
    });
    // A key gets the same rows with the personal cells empty.
    const keyed = await readAll(returnKey, 200);
    expect(keyed.map((row) => row.pupilId)).toEqual(full.map((row) => row.pupilId));
    for (const row of keyed) {
      const line = files.get(row.pupilId)!;
      expect(asLine(row)).toEqual(['', '', '', '', '', '', '', '', '', '', ...line.slice(10, 20), '']);
      expect(row.schoolId).toBe(data.pupils.find((p) => p.id === row.pupilId)!.schoolId);
    }
    expect(keyed.find((row) => row.pupilId === planning.id)).toMatchObject({
      yearGroup: 11,
      intendedDestination: 'APPRENTICESHIP',
      intendedDestinationLabel: 'Apprenticeship',
      apprenticeshipLevel: 3,
      provider: 'Aire Engineering',
      course: 'Maintenance technician',
      recordedBy: 'School',
      septemberOffer: 'OFFER_MADE',
      offerPlaceKind: 'APPRENTICESHIP',
      offerProvider: 'Aire Engineering',
    });
    expect(keyed.find((row) => row.pupilId === sixthFormer.id)).toMatchObject({
      yearGroup: 12,
      intendedDestination: null,
      intendedDestinationLabel: null,
      septemberOfferLabel: 'Offer not appropriate',
    });
    const north = await readAll(returnKey, 200, northfield.id);
    expect(north.map((row) => row.pupilId).sort()).toEqual(
      inYears(northfield.id)
        .filter((p) => p.id !== optingOut.id)
        .map((p) => p.id)
        .sort(),
    );
    expect(north.every((row) => row.schoolId === northfield.id)).toBe(true);
  });

  it('pages in a stable order (school, year group, pupil) with nothing missed or twice, and counts every row', async () => {
    const whole = await readAll(returnKey, 200);
    const keys = whole.map((row) => [row.schoolId, row.yearGroup, row.pupilId] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
    expect(keys).toEqual(sorted);
    for (const first of [7, 50]) expect((await readAll(returnKey, first)).map((row) => row.pupilId)).toEqual(whole.map((row) => row.pupilId));
    const page = (await ask(returnKey, { first: 3 })).data!.localAuthorityReturn!;
    expect(page.totalCount).toBe(whole.length);
    expect(page.edges).toHaveLength(3);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[2].cursor });
  });

  it('reads a page of any size in one SQL statement here, with or without a local authority', async () => {
    for (const code of [undefined, '330'])
      for (const first of [1, 10, 200]) {
        const { result, statements } = await countStatements(harness.orm, () => ask(returnKey, { first, ...(code ? { code } : {}) }));
        expect(result.errors).toBeUndefined();
        expect(result.data!.localAuthorityReturn!.edges.length).toBeGreaterThan(0);
        expect(statements).toHaveLength(1);
      }
  });
});

describe('localAuthorityReturn: split by local authority', () => {
  it('gives each row the authority whose return it is in: where the pupil lives, or the school’s own when that is not recorded', async () => {
    for (const who of [returnKey, analyst, analystWithAccess]) {
      const rows = await readAll(who, 200);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const home = homeOf.get(row.pupilId) ?? null;
        const own = row.schoolId === northfield.id ? ['383', 'Leeds'] : ['380', 'Bradford'];
        const code = home ?? own[0];
        expect([row.localAuthorityCode, row.homeLocalAuthorityRecorded], row.pupilId).toEqual([code, home !== null]);
        expect(row.localAuthorityName).toBe({ '330': 'Birmingham', '380': 'Bradford', '383': 'Leeds' }[code]);
      }
      expect(rows.filter((row) => row.homeLocalAuthorityRecorded)).toHaveLength(5);
    }
  });

  it("gives for an authority exactly the pupils of the school's file for it, cell for cell, for each school and file", async () => {
    for (const [leader, school] of [
      [leaderNorth, northfield],
      [leaderSouth, southbank],
    ] as const) {
      const files = await schoolFiles(leader);
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        const rows = await readAll(analystWithAccess, 200, school.id, file.code);
        expect(rows.map((row) => row.pupilId).sort(), `${school.name} ${file.name}`).toEqual([...file.lines.keys()].sort());
        for (const row of rows) {
          expect(asLine(row)).toEqual(file.lines.get(row.pupilId));
          expect([row.localAuthorityCode, row.localAuthorityName]).toEqual([file.code, file.name]);
        }
        // A key gets the same pupils and authority, without names.
        const keyed = await readAll(returnKey, 200, school.id, file.code);
        expect(keyed.map((row) => row.pupilId)).toEqual(rows.map((row) => row.pupilId));
        expect(keyed.every((row) => row.upn === null && row.localAuthorityCode === file.code)).toBe(true);
      }
    }
    // The whole trust's Birmingham rows are both schools' Birmingham files, and no one else.
    const brum = new Map([...(await schoolFile(leaderNorth, '330')), ...(await schoolFile(leaderSouth, '330'))]);
    expect((await readAll(returnKey, 200, undefined, '330')).map((row) => row.pupilId).sort()).toEqual([...brum.keys()].sort());
    expect(brum.size).toBe(2);
    // An authority no one lives in has no rows; a code with spaces around it is the code.
    expect(await readAll(returnKey, 200, undefined, '201')).toEqual([]);
    expect((await readAll(returnKey, 200, undefined, ' 380 ')).map((row) => row.pupilId)).toEqual(
      (await readAll(returnKey, 200, undefined, '380')).map((row) => row.pupilId),
    );
  });

  it('pages one authority in the same stable order, nothing missed or twice, counting only its rows', async () => {
    const leeds = await readAll(returnKey, 200, undefined, '383');
    const whole = await readAll(returnKey, 200);
    expect(leeds.map((row) => row.pupilId)).toEqual(whole.filter((row) => row.localAuthorityCode === '383').map((row) => row.pupilId));
    for (const first of [1, 4, 50])
      expect((await readAll(returnKey, first, undefined, '383')).map((row) => row.pupilId)).toEqual(leeds.map((row) => row.pupilId));
    const page = (await ask(returnKey, { first: 2, code: '383' })).data!.localAuthorityReturn!;
    expect(page.totalCount).toBe(leeds.length);
    expect(page.totalCount).toBeLessThan(whole.length);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
  });
});
