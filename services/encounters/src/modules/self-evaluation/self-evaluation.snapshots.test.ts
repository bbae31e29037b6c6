import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, setSystemAccessLog, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { encountersService } from '../../app.js';
import { SelfEvaluationOverride } from './self-evaluation-override.entity.js';
import { SelfEvaluationReading, SelfEvaluationSnapshot } from './self-evaluation-snapshot.entity.js';
import { isSnapshotDay, keptAreas, scoresOf, selfEvaluationSnapshotJob } from './self-evaluation.snapshots.js';

/*
 * The scheduled snapshots, run by the housekeeping job with its clock moved: one per school with data on
 * 31 December, 31 March and 31 July (days in England), nothing on an ordinary day, nothing twice.
 */
const data = demoData();
const [northfield, southbank] = data.schools;

let orm: Orm;
const db = testDatabase('encounters');
const systemLog: string[] = [];
let restoreLog: ReturnType<typeof setSystemAccessLog>;

beforeAll(async () => {
  orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
  await encountersService.seed!(orm, { secondTrust: false });
  restoreLog = setSystemAccessLog((line) => systemLog.push(line));
  const em = orm.em.fork();
  em.create(SelfEvaluationOverride, {
    id: crypto.randomUUID(),
    schoolId: northfield.id,
    areaKey: 'B1_BACKED',
    state: 'ACHIEVED',
    reason: 'On the website',
    setByAccountId: 'acct',
    setByName: 'Priya Shah',
    setAt: new Date(),
  });
  em.create(SelfEvaluationReading, {
    id: crypto.randomUUID(),
    schoolId: northfield.id,
    readOn: '2026-12-20',
    areas: [{ key: 'B5_EACH_YEAR', state: 'ACHIEVED' }],
  });
  await em.flush();
});

afterAll(async () => {
  setSystemAccessLog(restoreLog);
  await orm?.close(true);
  await db.dispose();
});

const snapshots = () => orm.em.fork().find(SelfEvaluationSnapshot, {}, { orderBy: { takenOn: 'asc', schoolId: 'asc' } });

describe('the snapshot days', () => {
  it('are 31 December, 31 March and 31 July only', () => {
    expect(['2026-12-31', '2027-03-31', '2027-07-31'].map(isSnapshotDay)).toEqual([true, true, true]);
    expect(['2026-12-30', '2027-01-01', '2027-03-30', '2027-07-30', '2027-08-31'].map(isSnapshotDay)).toEqual([false, false, false, false, false]);
  });

  it('scores come from the kept areas, and the leader’s answer wins over the reading', () => {
    const areas = keptAreas([{ areaKey: 'B5_EACH_YEAR', state: 'NOT_ACHIEVED' }], [{ key: 'B5_EACH_YEAR', state: 'ACHIEVED' }]);
    expect(areas.find((a) => a.key === 'B5_EACH_YEAR')!.state).toBe('NOT_ACHIEVED');
    // A reading never answers an area the leader answers.
    expect(keptAreas([], [{ key: 'B1_BACKED', state: 'ACHIEVED' }]).find((a) => a.key === 'B1_BACKED')!.state).toBe('NOT_ENOUGH_EVIDENCE');
    const b1 = scoresOf(keptAreas([{ areaKey: 'B1_BACKED', state: 'ACHIEVED' }], null))[0];
    expect(b1).toEqual({ benchmark: 1, score: 0.25, achieved: 1, areas: 4 });
  });
});

describe('the housekeeping job with a moved clock', () => {
  it('keeps nothing on an ordinary day', async () => {
    expect(await selfEvaluationSnapshotJob.run(orm, new Date('2026-12-30T12:00:00Z'))).toBeUndefined();
    expect(await snapshots()).toHaveLength(0);
  });

  it('keeps one snapshot per school with data on 31 December, under a named system access', async () => {
    // 23:30 on 31 December in London is still the 31st.
    const said = await selfEvaluationSnapshotJob.run(orm, new Date('2026-12-31T23:30:00Z'));
    expect(said).toBe("2 schools' snapshots of 2026-12-31 kept");
    expect(systemLog.some((line) => line.includes('self-evaluation snapshots of 2026-12-31'))).toBe(true);
    const rows = await snapshots();
    expect(rows.map((r) => [r.schoolId, r.takenOn, r.kind])).toEqual([northfield.id, southbank.id].sort().map((id) => [id, '2026-12-31', 'SCHEDULED']));
    const north = rows.find((r) => r.schoolId === northfield.id)!;
    expect(north.recordsReadOn).toBe('2026-12-20');
    expect(north.takenByName).toBeNull();
    expect(north.areas.find((a) => a.key === 'B1_BACKED')!.state).toBe('ACHIEVED');
    expect(north.areas.find((a) => a.key === 'B5_EACH_YEAR')!.state).toBe('ACHIEVED');
    expect(north.scores[0]).toEqual({ benchmark: 1, score: 0.25, achieved: 1, areas: 4 });
    const south = rows.find((r) => r.schoolId === southbank.id)!;
    expect(south.recordsReadOn).toBeNull();
    expect(south.areas.every((a) => a.state === 'NOT_ENOUGH_EVIDENCE')).toBe(true);
  });

  it('a second run the same day keeps nothing more and changes nothing', async () => {
    const before = await snapshots();
    expect(await selfEvaluationSnapshotJob.run(orm, new Date('2026-12-31T10:00:00Z'))).toBeUndefined();
    expect(await snapshots()).toEqual(before);
  });

  it('keeps the 31 March and 31 July ones in British Summer Time, by the day in England', async () => {
    // 23:30 UTC on 30 March is 00:30 on 31 March in London (BST).
    await selfEvaluationSnapshotJob.run(orm, new Date('2027-03-30T23:30:00Z'));
    // 23:30 UTC on 31 July is already 1 August in London: no snapshot for it.
    await selfEvaluationSnapshotJob.run(orm, new Date('2027-07-31T23:30:00Z'));
    await selfEvaluationSnapshotJob.run(orm, new Date('2027-07-31T12:00:00Z'));
    const days = (await snapshots()).filter((r) => r.schoolId === northfield.id).map((r) => r.takenOn);
    expect(days).toEqual(['2026-12-31', '2027-03-31', '2027-07-31']);
  });
});
