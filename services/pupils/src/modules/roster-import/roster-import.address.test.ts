import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { generatePupils, importRoster, preview, utf8Base64, type FixturePupil } from '../../../test/roster-fixtures.js';
import type { AddressColumns } from '../address/postal-address.js';
import { NO_ADDRESS_COLUMNS } from '../../../test/sensitive-fixtures.js';

/*
 * The address columns of a roster (services/pupils/docs/roster-import.md, "The address columns"): the
 * pupil's address and a parent's or carer's name and address. Like the other optional text columns, a
 * blank cell clears the field and a missing column leaves it alone; a bad postcode rejects its row, so
 * nothing of that row is saved.
 */
const data = demoData();
const trustId = data.trust.id;
const academicYear = academicYearOf(new Date());
const SCHOOL = '0e5f1e1d-0000-4000-8000-0000000000b2';
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId, displayName: 'Lena Ash' });
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'], displayName: 'MIS sync' });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(School, { id: SCHOOL, trustId, name: 'Ashfield School', urn: '900102', localAuthority: 'Leeds' });
  await em.flush();
});

afterAll(() => subgraph?.close());

const pupils = generatePupils(6, { seed: 43, academicYear });
const [a, b, c, d, e, f] = pupils;

const HEADERS = [
  'Address Line 1',
  'Address Line 2',
  'Town',
  'Postcode',
  'Parent or Carer',
  'Parent or Carer Address Line 1',
  'Parent or Carer Address Line 2',
  'Parent or Carer Town',
  'Parent or Carer Postcode',
  'Parent or Carer at Pupil Address',
];

/** A file of the pupils with the given address columns (headers), one list of cells per pupil. */
function file(headers: string[], rows: [FixturePupil, string[]][], reg?: (p: FixturePupil) => string): string {
  const lines = [['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group', 'Reg Group', ...headers].join(',')];
  for (const [p, cells] of rows) lines.push([p.upn, p.surname, p.forename, p.dob, String(p.year), reg ? reg(p) : p.reg, ...cells].join(','));
  return utf8Base64(lines.join('\r\n') + '\r\n');
}

interface Stored extends AddressColumns {
  tutor_group: string | null;
}

async function stored(): Promise<Map<string, Stored>> {
  const rows = await orm.em.fork().execute<(Stored & { upn: string })[]>(
    `select upn, tutor_group, address_line1, address_line2, address_town, address_postcode, parent_carer_name, parent_carer_same_address,
        parent_carer_address_line1, parent_carer_address_line2, parent_carer_address_town, parent_carer_address_postcode from pupil where school_id = ?`,
    [SCHOOL],
  );
  return new Map(rows.map(({ upn, ...row }) => [upn, row]));
}

const NONE: Omit<Stored, 'tutor_group'> = NO_ADDRESS_COLUMNS;

describe('the address columns', () => {
  it('are recognised by their template headers, keep tidy values, and reject a row with a bad postcode, saving nothing of it', async () => {
    const input = {
      fileBase64: file(HEADERS, [
        [a, ['4 Birch Close', 'Headingley', 'Leeds', 'ls62qt', 'Sam Reid', '9 Mill Street', '', 'Bradford', 'bd1 1aa', 'N']],
        [b, ['7 Oak Lane', '', 'Leeds', 'LS1 4AP', 'Jo Bell', '', '', '', '', 'Y']],
        [c, ['', '', '', '', '', '', '', '', '', '']],
        [d, ['1 New Road', '', 'Leeds', 'LS1', 'Kim Ray', '', '', '', '', 'Y']],
        [e, ['2 New Road', '', 'Leeds', 'LS2 7UE', 'Al Day', '5 Lane', '', '', 'NOPE', '']],
        [f, ['3 New Road', '', 'Leeds', 'LS2 7UE', 'Mo Fay', '5 Lane', '', '', 'LS2 7UE', 'Y']],
      ]),
      fullRoster: false,
    };
    const previewed = await preview(client, leader, input);
    const fields = Object.fromEntries(previewed.import!.columns.map((column) => [column.header, column.field]));
    expect(fields).toMatchObject({
      'Address Line 1': 'addressLine1',
      Town: 'addressTown',
      Postcode: 'addressPostcode',
      'Parent or Carer': 'parentCarerName',
      'Parent or Carer Postcode': 'parentCarerAddressPostcode',
      'Parent or Carer at Pupil Address': 'parentCarerSameAddress',
    });
    expect(previewed.import!.rejected).toEqual([
      { line: 5, upn: d.upn, field: 'addressPostcode', reason: '"LS1" in "Postcode" is not a UK postcode; write it like LS1 4AP, or leave it blank.' },
      {
        line: 6,
        upn: e.upn,
        field: 'parentCarerAddressPostcode',
        reason: '"NOPE" in "Parent or Carer Postcode" is not a UK postcode; write it like LS1 4AP, or leave it blank.',
      },
      {
        line: 7,
        upn: f.upn,
        field: 'parentCarerSameAddress',
        reason: "The parent or carer is marked as living at the pupil's address but has an address of their own too; give one or the other.",
      },
    ]);
    expect(previewed.import!.toAdd).toBe(3);

    await importRoster(client, leader, input);
    const after = await stored();
    expect(after.get(a.upn)).toEqual({
      tutor_group: a.reg,
      address_line1: '4 Birch Close',
      address_line2: 'Headingley',
      address_town: 'Leeds',
      address_postcode: 'LS6 2QT',
      parent_carer_name: 'Sam Reid',
      parent_carer_same_address: false,
      parent_carer_address_line1: '9 Mill Street',
      parent_carer_address_line2: null,
      parent_carer_address_town: 'Bradford',
      parent_carer_address_postcode: 'BD1 1AA',
    });
    expect(after.get(b.upn)).toMatchObject({ address_postcode: 'LS1 4AP', parent_carer_name: 'Jo Bell', parent_carer_same_address: true });
    expect(after.get(c.upn)).toEqual({ tutor_group: c.reg, ...NONE });
    for (const rejected of [d, e, f]) expect(after.has(rejected.upn)).toBe(false);
  });

  it('changes, clears when blank, leaves alone without the column, and leaves a pupil whose row has a bad postcode exactly as they were', async () => {
    const changed = await importRoster(client, leader, {
      fileBase64: file(
        ['Postcode', 'Parent or Carer', 'Parent or Carer at Pupil Address'],
        [
          [a, ['', 'Sam Reid-Hall', 'Y']],
          [b, ['LS99 9ZZZ', 'Someone Else', 'N']],
        ],
        (p) => `${p.reg}X`,
      ),
      fullRoster: false,
    });
    expect(changed.previewed.rejected.map((row) => [row.upn, row.field])).toEqual([[b.upn, 'addressPostcode']]);
    expect(changed.previewed.toChange).toBe(1);
    const after = await stored();
    // The postcode cleared, the name changed, living at the pupil's address drops their own; the rest of the address left alone.
    expect(after.get(a.upn)).toEqual({
      tutor_group: `${a.reg}X`,
      address_line1: '4 Birch Close',
      address_line2: 'Headingley',
      address_town: 'Leeds',
      address_postcode: null,
      parent_carer_name: 'Sam Reid-Hall',
      parent_carer_same_address: true,
      parent_carer_address_line1: null,
      parent_carer_address_line2: null,
      parent_carer_address_town: null,
      parent_carer_address_postcode: null,
    });
    // Nothing of the rejected row: not its name, nor its new registration group.
    expect(after.get(b.upn)).toMatchObject({ tutor_group: b.reg, address_postcode: 'LS1 4AP', parent_carer_name: 'Jo Bell', parent_carer_same_address: true });

    const lines = ['UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Reg Group', `${a.upn},${a.surname},${a.forename},${a.dob},${a.year},${a.reg}`];
    const without = await importRoster(client, leader, { fileBase64: utf8Base64(lines.join('\r\n') + '\r\n'), fullRoster: false });
    expect(without.previewed.rejected).toEqual([]);
    expect((await stored()).get(a.upn)).toMatchObject({ tutor_group: a.reg, address_line1: '4 Birch Close', parent_carer_name: 'Sam Reid-Hall' });
  });

  it("takes the same fields through a trust integration's rows", async () => {
    const row = (p: FixturePupil, extra: Record<string, unknown> = {}) => ({
      upn: p.upn,
      legalSurname: p.surname,
      legalForename: p.forename,
      dateOfBirth: p.dob,
      yearGroup: p.year,
      ...extra,
    });
    const result = await importRoster(client, integration, {
      rows: [
        row(e, { addressLine1: '2 New Road', addressPostcode: 'ls2 7ue', parentCarerName: 'Al Day', parentCarerSameAddress: true }),
        row(f, { addressPostcode: 'Leeds' }),
        row(a, { parentCarerName: null }),
      ],
      fullRoster: false,
      schoolId: SCHOOL,
    });
    expect(result.previewed.rejected).toEqual([
      { line: 2, upn: f.upn, field: 'addressPostcode', reason: '"Leeds" in addressPostcode is not a UK postcode; write it like LS1 4AP, or leave it blank.' },
    ]);
    const after = await stored();
    expect(after.get(e.upn)).toMatchObject({
      address_line1: '2 New Road',
      address_postcode: 'LS2 7UE',
      parent_carer_name: 'Al Day',
      parent_carer_same_address: true,
    });
    expect(after.has(f.upn)).toBe(false);
    expect(after.get(a.upn)).toMatchObject({ parent_carer_name: null, address_line1: '4 Birch Close', parent_carer_same_address: true });
  });
});
