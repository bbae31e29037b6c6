import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { parseCsv } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';

// The same call the seeds make: year groups follow from today's date.
const data = demoData();
const [northfield] = data.schools;
const year11 = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 11);
const year12 = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 12);
const [optingOut, planning] = year11.filter((p) => !data.destinations.some((d) => d.pupilId === p.id && d.stage === 'INTENDED'));

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = (id: string) => makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

const RETURN = '{ intentionReturn { localAuthority fileName csv included optedOut } }';
interface ReturnView {
  localAuthority: string;
  fileName: string;
  csv: string;
  included: number;
  optedOut: number;
}

let harness: Harness;
const ask = async () => (await harness.client.query<{ intentionReturn: ReturnView | null }>(leaderNorth, RETURN)).data!.intentionReturn!;
const rowsOf = (csv: string) => parseCsv(csv).records.map((record) => record.cells);

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('intentionReturn', () => {
  it("lists every Year 11 and Year 12 pupil of the school with their Year 11 plan and September offer, or 'Not recorded'", async () => {
    // The planning pupil's address and parent, as staff record them in the pupils subgraph; a Year 12
    // pupil's parent lives at their address.
    const address = 'mutation ($input: SetPupilAddressInput!) { setPupilAddress(input: $input) { error { code } } }';
    for (const input of [
      {
        pupilId: planning.id,
        homeAddress: { line1: '4 Birch Close', line2: 'Headingley', town: 'Leeds', postcode: 'ls6 2qt' },
        parentCarer: { name: 'Sam Reid', address: { line1: 'Flat 2, 9 Mill Street', town: 'Bradford', postcode: 'BD1 1AA' } },
      },
      {
        pupilId: year12[0].id,
        homeAddress: { line1: '7 Oak Lane', town: 'Leeds', postcode: 'LS1 4AP' },
        parentCarer: { name: 'Jo Bell', sameAddressAsPupil: true },
      },
    ]) {
      const set = await harness.pupils.query<{ setPupilAddress: { error: unknown } }>(leaderNorth, address, { input });
      expect(set.data!.setPupilAddress.error).toBeNull();
    }
    await harness.client.query(pupil(planning.id), 'mutation ($input: RecordIntentionInput!) { recordIntention(input: $input) { error { code } } }', {
      input: { kind: 'FE_COLLEGE', provider: 'Aire Valley College', course: 'Level 3 Engineering' },
    });
    const offers = 'mutation ($input: RecordSeptemberOffersInput!) { recordSeptemberOffers(input: $input) { recorded error { code } } }';
    const made = await harness.client.query<{ recordSeptemberOffers: { recorded: number } }>(leaderNorth, offers, {
      input: { pupilIds: [planning.id], status: 'OFFER_MADE', placeKind: 'FE_COLLEGE', provider: 'Aire Valley College' },
    });
    expect(made.data!.recordSeptemberOffers.recorded).toBe(1);
    const moved = await harness.client.query<{ recordSeptemberOffers: { recorded: number } }>(leaderNorth, offers, {
      input: { pupilIds: [year12[0].id], status: 'NOT_APPROPRIATE', note: 'Moved to Scotland' },
    });
    expect(moved.data!.recordSeptemberOffers.recorded).toBe(1);
    const answer = await ask();
    expect(answer).toMatchObject({ localAuthority: northfield.localAuthority, included: year11.length + year12.length, optedOut: 0 });
    // Nobody's home local authority is recorded in the demo, so all are in the school's own authority's file.
    expect(answer.fileName).toMatch(
      new RegExp(`^intended-destinations-and-september-offer-${northfield.urn}-la${northfield.laCode}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const [header, ...rows] = rowsOf(answer.csv);
    expect(header).toEqual([
      'UPN',
      'Surname',
      'Forename',
      'Date of birth',
      'Address line 1',
      'Address line 2',
      'Town',
      'Postcode',
      'Parent or carer',
      "Parent or carer's address",
      'Year group',
      'Intended destination',
      'Apprenticeship level',
      'Provider',
      'Course',
      'Recorded on',
      'Recorded by',
      'September offer',
      'Offer: kind of place',
      'Offer: place',
      'Offer: note',
    ]);
    expect(rows.map((row) => row[0]).sort()).toEqual([...year11, ...year12].map((p) => p.upn).sort());
    expect(rows.find((row) => row[0] === planning.upn)).toEqual([
      planning.upn,
      planning.legalSurname,
      planning.preferredName ?? planning.legalForename,
      planning.dateOfBirth,
      '4 Birch Close',
      'Headingley',
      'Leeds',
      'LS6 2QT',
      'Sam Reid',
      'Flat 2, 9 Mill Street, Bradford, BD1 1AA',
      '11',
      'Further education college',
      '',
      'Aire Valley College',
      'Level 3 Engineering',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      'Pupil',
      'Offer made',
      'Further education college',
      'Aire Valley College',
      '',
    ]);
    const optingOutRow = rows.find((row) => row[0] === optingOut.upn)!;
    expect([optingOutRow[11], optingOutRow[17]]).toEqual(['Not recorded', 'Not recorded']);
    // No address recorded: empty cells.
    expect(optingOutRow.slice(4, 10)).toEqual(['', '', '', '', '', '']);
    // Plans are not asked in Year 12: empty, not "Not recorded"; the offer is.
    const sixthFormer = rows.find((row) => row[0] === year12[0].upn)!;
    expect(sixthFormer.slice(4)).toEqual([
      '7 Oak Lane',
      '',
      'Leeds',
      'LS1 4AP',
      'Jo Bell',
      'Same as pupil',
      '12',
      '',
      '',
      '',
      '',
      '',
      '',
      'Offer not appropriate',
      '',
      '',
      'Moved to Scotland',
    ]);
    // Year 11 first, then Year 12, each by surname.
    const keys = rows.map((row) => [row[10], row[1]]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])));
  });

  it('leaves out a pupil who opted out of sharing with the local authority, and counts them', async () => {
    const consent = await harness.pupils.query<{ setPupilConsent: { error: { code: string } | null } }>(
      leaderNorth,
      'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
      { input: { pupilId: optingOut.id, localAuthoritySharingOptOut: true } },
    );
    expect(consent.data!.setPupilConsent.error).toBeNull();
    const answer = await ask();
    expect(answer).toMatchObject({ included: year11.length + year12.length - 1, optedOut: 1 });
    expect(answer.csv).not.toContain(optingOut.upn);
    // Their address goes with them.
    await harness.pupils.query(leaderNorth, 'mutation ($input: SetPupilAddressInput!) { setPupilAddress(input: $input) { error { code } } }', {
      input: { pupilId: optingOut.id, homeAddress: { line1: '1 Hidden Row', postcode: 'LS7 3AA' } },
    });
    expect((await ask()).csv).not.toContain('Hidden Row');
    expect(answer.csv).not.toContain(optingOut.legalSurname + ',' + (optingOut.preferredName ?? optingOut.legalForename));
  });

  it('is for staff of a school only', async () => {
    for (const who of [pupil(planning.id), analyst]) {
      const res = await harness.client.query(who, RETURN);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.intentionReturn ?? null).toBeNull();
    }
  });
});
