import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { generatePupils, importRoster, preview, utf8Base64, type FixturePupil } from '../../../test/roster-fixtures.js';

/*
 * The home local authority column of a roster (services/pupils/docs/roster-import.md): a valid DfE
 * code is kept, blank is none, and an unknown code rejects its row like any other bad value, so
 * nothing of that row is saved.
 */
const data = demoData();
const trustId = data.trust.id;
const academicYear = academicYearOf(new Date());
const SCHOOL = '0e5f1e1d-0000-4000-8000-0000000000a1';
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId, displayName: 'Lena Ash' });
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'], displayName: 'MIS sync' });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(School, { id: SCHOOL, trustId, name: 'Ashfield School', urn: '900101', localAuthority: 'Birmingham' });
  await em.flush();
});

afterAll(() => subgraph?.close());

const pupils = generatePupils(6, { seed: 41, academicYear });

/** A file of the pupils with a home local authority column (its header as given), one code per pupil. */
function file(rows: [FixturePupil, string][], header = 'Home LA', reg?: (p: FixturePupil) => string): string {
  const lines = [['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group', 'Reg Group', header].join(',')];
  for (const [p, code] of rows) lines.push([p.upn, p.surname, p.forename, p.dob, String(p.year), reg ? reg(p) : p.reg, code].join(','));
  return utf8Base64(lines.join('\r\n') + '\r\n');
}

async function stored(): Promise<Map<string, { home_la_code: string | null; tutor_group: string | null }>> {
  const rows = await orm.em
    .fork()
    .execute<{ upn: string; home_la_code: string | null; tutor_group: string | null }[]>(
      'select upn, home_la_code, tutor_group from pupil where school_id = ?',
      [SCHOOL],
    );
  return new Map(rows.map((row) => [row.upn, { home_la_code: row.home_la_code, tutor_group: row.tutor_group }]));
}

const [a, b, c, d, e, f] = pupils;
const unknownReason = (value: string, header = '"Home LA"') =>
  `"${value}" in ${header} is not the code of a local authority in England; use the three-digit DfE code, such as 330 for Birmingham, or leave it blank.`;

describe('the home local authority column', () => {
  it('keeps a valid code, takes blank as none, and rejects a row with an unknown code, saving nothing of it', async () => {
    const input = {
      fileBase64: file([
        [a, '330'],
        [b, ' 383 '],
        [c, ''],
        [d, '999'],
      ]),
      fullRoster: false,
    };
    const previewed = await preview(client, leader, input);
    expect(previewed.import!.columns).toContainEqual({ header: 'Home LA', field: 'homeLocalAuthority' });
    expect(previewed.import!.rejected).toEqual([{ line: 5, upn: d.upn, field: 'homeLocalAuthority', reason: unknownReason('999') }]);
    expect(previewed.import!.toAdd).toBe(3);

    await importRoster(client, leader, input);
    const after = await stored();
    expect(after.get(a.upn)?.home_la_code).toBe('330');
    expect(after.get(b.upn)?.home_la_code).toBe('383');
    expect(after.get(c.upn)?.home_la_code).toBeNull();
    expect(after.has(d.upn)).toBe(false);
  });

  it("changes a pupil's code, clears it when blank, leaves it alone without the column, and leaves a pupil whose row has an unknown code exactly as they were", async () => {
    const changed = await importRoster(client, leader, {
      fileBase64: file(
        [
          [a, ''],
          [b, '380'],
          [c, '909'],
        ],
        'home_la',
        (p) => `${p.reg}X`,
      ),
      fullRoster: false,
    });
    expect(changed.previewed.columns).toContainEqual({ header: 'home_la', field: 'homeLocalAuthority' });
    // Cumbria's old code: it split in 2023, so it names no authority now.
    expect(changed.previewed.rejected).toEqual([{ line: 4, upn: c.upn, field: 'homeLocalAuthority', reason: unknownReason('909', '"home_la"') }]);
    expect(changed.previewed.toChange).toBe(2);
    const after = await stored();
    expect(after.get(a.upn)).toEqual({ home_la_code: null, tutor_group: `${a.reg}X` });
    expect(after.get(b.upn)).toEqual({ home_la_code: '380', tutor_group: `${b.reg}X` });
    // Nothing of the rejected row: not its code, nor its new registration group.
    expect(after.get(c.upn)).toEqual({ home_la_code: null, tutor_group: c.reg });

    const lines = ['UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Reg Group', `${b.upn},${b.surname},${b.forename},${b.dob},${b.year},${b.reg}`];
    const without = await importRoster(client, leader, { fileBase64: utf8Base64(lines.join('\r\n') + '\r\n'), fullRoster: false });
    expect(without.previewed.rejected).toEqual([]);
    expect((await stored()).get(b.upn)).toEqual({ home_la_code: '380', tutor_group: b.reg });
  });

  it("takes the same codes through a trust integration's rows", async () => {
    const row = (p: FixturePupil, homeLocalAuthority?: string | null) => ({
      upn: p.upn,
      legalSurname: p.surname,
      legalForename: p.forename,
      dateOfBirth: p.dob,
      yearGroup: p.year,
      ...(homeLocalAuthority === undefined ? {} : { homeLocalAuthority }),
    });
    const result = await importRoster(client, integration, {
      rows: [row(e, '941'), row(f, 'Leeds'), row(b, null), row(a)],
      fullRoster: false,
      schoolId: SCHOOL,
    });
    expect(result.previewed.rejected).toEqual([{ line: 2, upn: f.upn, field: 'homeLocalAuthority', reason: unknownReason('Leeds', 'homeLocalAuthority') }]);
    const after = await stored();
    expect(after.get(e.upn)?.home_la_code).toBe('941');
    expect(after.has(f.upn)).toBe(false);
    expect(after.get(b.upn)?.home_la_code).toBeNull();
  });
});
