import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { makeUpn, todayInEngland } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { PupilsClient } from '../external/pupils.client.js';
import { ActivitySpellRow } from './spell.entity.js';

/*
 * Bulk entry of one spell for many leavers, and confirmation files (docs/domain-rules.md,
 * "Destinations"): all or nothing, with the same checks as a single spell. The pupils subgraph is the
 * real one, seeded, with leavers added whose leaving year follows from today.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const year = Number(today.slice(0, 4));
// A summer whose leavers are followed whatever the day: last summer's, or the one before in spring.
const leavingYear = today >= `${year}-06-01` ? year - 1 : year - 2;
const septemberStart = `${leavingYear}-09-04`;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });

const NO_FLAGS = {
  senSupport: false,
  ehcp: false,
  disadvantaged: false,
  lookedAfter: false,
  eal: false,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
};
let serial = 0;
function pupil(school: typeof northfield, name: string, options: { leavingYear?: number; leftOn?: string | null; tracking?: boolean }) {
  serial += 1;
  const leaves = options.leavingYear ?? leavingYear;
  return {
    id: demoId('bulk-spell-pupil', name),
    schoolId: school.id,
    trustId: school.trustId,
    upn: makeUpn(`88888${String(serial).padStart(7, '0')}`),
    legalForename: name,
    legalSurname: 'Bulk',
    preferredName: null,
    dateOfBirth: `${leaves - 17}-12-01`,
    yearGroup: null,
    tutorGroup: null,
    leftOn: options.leftOn === undefined ? `${leaves}-07-20` : options.leftOn,
    enrolledOn: `${leaves - 5}-09-01`,
    destinationTracking: options.tracking ?? true,
    ...NO_FLAGS,
  };
}
const ada = pupil(northfield, 'Ada', {});
const ben = pupil(northfield, 'Ben', {});
const cal = pupil(northfield, 'Cal', {});
const unasked = pupil(northfield, 'Unasked', { tracking: false });
const year10 = pupil(northfield, 'Young', { leavingYear: year + 2, leftOn: null });
const southLeaver = pupil(southbank, 'South', {});

const BULK = `mutation ($input: RecordActivitySpellsInput!) {
  recordActivitySpells(input: $input) { recorded problems { pupilId code message } error { code message fields { field message } } }
}`;
const SINGLE = `mutation ($input: RecordActivitySpellInput!) { recordActivitySpell(input: $input) { spell { id } error { code message fields { field message } } } }`;
const PREVIEW = `mutation ($input: SpellImportInput!) { previewActivitySpellImport(input: $input) { lines spells leavers problems { line column message } error { code message } } }`;
const IMPORT = `mutation ($input: SpellImportInput!) { importActivitySpells(input: $input) { lines spells leavers problems { line column message } error { code message } } }`;

interface BulkAnswer {
  recorded: number;
  problems: { pupilId: string; code: string; message: string }[];
  error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
}
interface ImportAnswer {
  lines: number;
  spells: number;
  leavers: number;
  problems: { line: number; column: string | null; message: string }[];
  error: { code: string; message: string } | null;
}

let harness: Harness;
const bulk = async (who: Principal, input: Record<string, unknown>) => {
  const res = await harness.client.query<{ recordActivitySpells: BulkAnswer }>(who, BULK, {
    input: { activity: 'NEET_AVAILABLE', startsOn: septemberStart, ...input },
  });
  return res;
};
const bulkOk = async (who: Principal, input: Record<string, unknown>) => {
  const res = await bulk(who, input);
  expect(res.errors).toBeUndefined();
  return res.data!.recordActivitySpells;
};
const importFile = async (who: Principal, mutation: string, csv: string) => {
  const res = await harness.client.query<Record<string, ImportAnswer>>(who, mutation, { input: { csv } });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0];
};
const spellCount = (pupilId: string) => harness.orm.em.fork().count(ActivitySpellRow, { pupilId });
const allSpells = () => harness.orm.em.fork().count(ActivitySpellRow, {});

beforeAll(async () => {
  harness = await startHarness();
  const em = harness.pupilsOrm.em.fork();
  for (const added of [ada, ben, cal, unasked, year10, southLeaver]) em.create(Pupil, added);
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

describe('recordActivitySpells: who may', () => {
  it('refuses a pupil, a trust analyst and a volunteer, and saves nothing', async () => {
    const before = await allSpells();
    for (const who of [pupilNorth, analyst, volunteer]) {
      const res = await bulk(who, { pupilIds: [ada.id] });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await allSpells()).toBe(before);
  });

  it("refuses another school's leader for this school's leavers (attack), naming each, and saves nothing", async () => {
    const answer = await bulkOk(leaderSouth, { pupilIds: [ada.id, ben.id] });
    expect(answer.recorded).toBe(0);
    expect(answer.error?.code).toBe('LEAVERS_REFUSED');
    expect(answer.problems.map((p) => [p.pupilId, p.code])).toEqual([
      [ada.id, 'PUPIL_NOT_FOUND'],
      [ben.id, 'PUPIL_NOT_FOUND'],
    ]);
    expect(await spellCount(ada.id)).toBe(0);
  });

  it("fails whole when one pupil id in the list is another school's (attack): nothing saved for the school's own leavers either", async () => {
    const answer = await bulkOk(leaderNorth, { pupilIds: [ada.id, southLeaver.id, ben.id] });
    expect(answer.recorded).toBe(0);
    expect(answer.error?.message).toMatch(/Nothing was saved/);
    expect(answer.problems).toEqual([
      { pupilId: southLeaver.id, code: 'PUPIL_NOT_FOUND', message: expect.stringMatching(/not a pupil or leaver of your school/) },
    ]);
    for (const id of [ada.id, ben.id, southLeaver.id]) expect(await spellCount(id)).toBe(0);
  });
});

describe('recordActivitySpells: the checks, shared with recordActivitySpell', () => {
  it('names every leaver the spell cannot be recorded for, each with its reason, and saves nothing', async () => {
    const answer = await bulkOk(staffNorth, { pupilIds: [ada.id, unasked.id, year10.id, 'not-an-id'] });
    expect(answer.recorded).toBe(0);
    expect(answer.error?.code).toBe('LEAVERS_REFUSED');
    expect(new Map(answer.problems.map((p) => [p.pupilId, p.code]))).toEqual(
      new Map([
        [unasked.id, 'NO_TRACKING_CONSENT'],
        [year10.id, 'NOT_A_LEAVER'],
        ['not-an-id', 'PUPIL_NOT_FOUND'],
      ]),
    );
    expect(await spellCount(ada.id)).toBe(0);
  });

  it('gives the same reasons as recording one spell at a time', async () => {
    for (const [id, code] of [
      [unasked.id, 'NO_TRACKING_CONSENT'],
      [year10.id, 'NOT_A_LEAVER'],
      [southLeaver.id, 'PUPIL_NOT_FOUND'],
    ]) {
      const single = await harness.client.query<{ recordActivitySpell: { error: { code: string; message: string } | null } }>(leaderNorth, SINGLE, {
        input: { pupilId: id, activity: 'NEET_AVAILABLE', startsOn: septemberStart },
      });
      const many = await bulkOk(leaderNorth, { pupilIds: [id] });
      expect(single.data!.recordActivitySpell.error?.code).toBe(code);
      expect(many.problems[0]).toMatchObject({ code, message: single.data!.recordActivitySpell.error!.message.replace(' Nothing was saved.', '') });
    }
  });

  it("refuses a spell the domain's rule refuses, by field, for everyone at once", async () => {
    const answer = await bulkOk(leaderNorth, { pupilIds: [ada.id, ben.id], activity: 'EDUCATION', startsOn: septemberStart, endsOn: `${leavingYear}-08-01` });
    expect(answer.error?.code).toBe('SPELL_INVALID');
    expect(answer.error?.fields.map((f) => f.field).sort()).toEqual(['endsOn', 'providerKind']);
    expect(await spellCount(ada.id)).toBe(0);
  });

  it('refuses an empty list, more than 500, and SELF_REPORTED', async () => {
    expect((await bulkOk(leaderNorth, { pupilIds: [] })).error?.code).toBe('NO_PUPILS');
    const many = Array.from({ length: 501 }, (_, i) => demoId('bulk-spell-many', String(i)));
    expect((await bulkOk(leaderNorth, { pupilIds: many })).error?.code).toBe('TOO_MANY_PUPILS');
    expect((await bulkOk(leaderNorth, { pupilIds: [ada.id], source: 'SELF_REPORTED' })).error?.code).toBe('SPELL_INVALID');
    expect(await spellCount(ada.id)).toBe(0);
  });

  it('records one spell for every leaver listed, asking the pupils subgraph a fixed number of times', async () => {
    const current = vi.spyOn(PupilsClient.prototype, 'currentPupilIds');
    const details = vi.spyOn(PupilsClient.prototype, 'leaverDetails');
    const onRoll = vi.spyOn(PupilsClient.prototype, 'onRoll');
    try {
      const answer = await bulkOk(adviserNorth, {
        pupilIds: [ada.id, ben.id, ada.id],
        activity: 'APPRENTICESHIP',
        apprenticeshipLevel: 3,
        provider: ' Acme ',
        source: 'LA_CONFIRMATION',
        confirmed: true,
      });
      expect(answer).toEqual({ recorded: 2, problems: [], error: null });
      expect(current).toHaveBeenCalledTimes(1);
      expect(details).toHaveBeenCalledTimes(1);
      // Everyone agreed to being followed: no need to ask who is on roll.
      expect(onRoll).toHaveBeenCalledTimes(0);
    } finally {
      current.mockRestore();
      details.mockRestore();
      onRoll.mockRestore();
    }
    const rows = await harness.orm.em.fork().find(ActivitySpellRow, { pupilId: { $in: [ada.id, ben.id] } });
    expect(rows.map((row) => [row.activity, row.apprenticeshipLevel, row.provider, row.source, row.confirmed, row.leavingYear, row.schoolId])).toEqual([
      ['APPRENTICESHIP', 3, 'Acme', 'LA_CONFIRMATION', true, leavingYear, northfield.id],
      ['APPRENTICESHIP', 3, 'Acme', 'LA_CONFIRMATION', true, leavingYear, northfield.id],
    ]);
  });
});

const csvOf = (lines: string[]) => ['UPN,Activity,Provider kind,Apprenticeship level,Provider,Start date,End date', ...lines].join('\r\n');

describe('confirmation files', () => {
  it('are for staff of the school: a pupil, an analyst and a volunteer are refused', async () => {
    for (const who of [pupilNorth, analyst, volunteer]) {
      const res = await harness.client.query(who, IMPORT, { input: { csv: csvOf([`${cal.upn},NEET available,,,,${septemberStart},`]) } });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await spellCount(cal.id)).toBe(0);
  });

  it("never match another school's leaver (attack: another school's leader with this school's UPN)", async () => {
    const answer = await importFile(leaderSouth, IMPORT, csvOf([`${cal.upn},NEET available,,,,${septemberStart},`]));
    expect(answer.spells).toBe(0);
    expect(answer.problems).toEqual([{ line: 2, column: 'UPN', message: expect.stringMatching(/not one of your school's leavers/) }]);
    expect(answer.error?.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(await spellCount(cal.id)).toBe(0);
  });

  it('preview names every problem with its line, saves nothing, and the import of the same file saves nothing', async () => {
    const csv = csvOf([
      `${cal.upn},Education,Further education college,,City College,04/09/${leavingYear},`,
      `${southLeaver.upn},NEET available,,,,${septemberStart},`,
      `${cal.upn},Flying,,,,${septemberStart},`,
      `${cal.upn},Education,,,,${septemberStart},${leavingYear}-08-01`,
      `${unasked.upn},Employment with training,,,Bakery,${septemberStart},`,
      `${cal.upn},Apprenticeship,,three,,31/02/${leavingYear},`,
      '',
      `,Not known,,,,${septemberStart},`,
    ]);
    const preview = await importFile(leaderNorth, PREVIEW, csv);
    expect(preview).toMatchObject({ lines: 7, spells: 1, leavers: 1, error: null });
    const byLine = preview.problems.map((p) => [p.line, p.column]);
    expect(byLine).toEqual([
      [3, 'UPN'],
      [4, 'Activity'],
      [5, 'Provider kind'],
      [5, 'End date'],
      [6, null],
      [7, 'Apprenticeship level'],
      [9, 'UPN'],
    ]);
    expect(preview.problems.find((p) => p.line === 6)?.message).toMatch(/not agreed to being followed/);
    expect(await spellCount(cal.id)).toBe(0);
    const committed = await importFile(leaderNorth, IMPORT, csv);
    expect(committed.spells).toBe(0);
    expect(committed.error?.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(committed.problems).toEqual(preview.problems);
    expect(await spellCount(cal.id)).toBe(0);
  });

  it('import every line as a confirmed LA_CONFIRMATION spell, matching UPNs with one call for them, whatever the number of lines', async () => {
    // The leavers' UPNs, leaving years, agreement and sharing come in one call; nothing is asked about them again (no date of
    // birth is read), not even who the trust may hear of.
    const details = vi.spyOn(PupilsClient.prototype, 'followedLeaverDetails');
    const again = [
      vi.spyOn(PupilsClient.prototype, 'onRoll'),
      vi.spyOn(PupilsClient.prototype, 'currentPupilIds'),
      vi.spyOn(PupilsClient.prototype, 'leaverDetails'),
      vi.spyOn(PupilsClient.prototype, 'worklistDetails'),
    ];
    try {
      const csv = csvOf([
        `${cal.upn.toLowerCase()},Education,Further education college,,City College,04/09/${leavingYear},${leavingYear + 1}-07-10`,
        `${cal.upn},Employment without training,,,"Cafe, High Street",${leavingYear + 1}-07-11,`,
        `${ben.upn},NEET not available,,,,${leavingYear + 1}-01-05,`,
      ]);
      const answer = await importFile(staffNorth, IMPORT, csv);
      expect(answer).toEqual({ lines: 3, spells: 3, leavers: 2, problems: [], error: null });
      expect(details).toHaveBeenCalledTimes(1);
      for (const spy of again) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [details, ...again]) spy.mockRestore();
    }
    const rows = await harness.orm.em.fork().find(ActivitySpellRow, { pupilId: cal.id }, { orderBy: { startsOn: 'asc' } });
    expect(rows.map((row) => [row.activity, row.providerKind, row.provider, row.startsOn, row.endsOn, row.source, row.confirmed])).toEqual([
      ['EDUCATION', 'FE_COLLEGE', 'City College', `${leavingYear}-09-04`, `${leavingYear + 1}-07-10`, 'LA_CONFIRMATION', true],
      ['EMPLOYMENT_WITHOUT_TRAINING', null, 'Cafe, High Street', `${leavingYear + 1}-07-11`, null, 'LA_CONFIRMATION', true],
    ]);
  });

  it('refuse a malformed file whole: an unclosed quote, missing columns, no lines', async () => {
    const before = await allSpells();
    const unclosed = await importFile(leaderNorth, PREVIEW, csvOf([`${ada.upn},Education,"Further education college,,x,${septemberStart},`]));
    expect(unclosed.error).toEqual({ code: 'FILE_UNREADABLE', message: expect.stringMatching(/^Line 2 opens a quote/) });
    const noColumns = await importFile(leaderNorth, IMPORT, `Pupil,What\n${ada.upn},NEET`);
    expect(noColumns.error?.code).toBe('COLUMNS_MISSING');
    expect(noColumns.error?.message).toMatch(/UPN, Activity, Start date are missing/);
    expect((await importFile(leaderNorth, IMPORT, csvOf([]))).error?.code).toBe('FILE_EMPTY');
    expect(await allSpells()).toBe(before);
  });
});
