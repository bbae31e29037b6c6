import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { GATSBY_BENCHMARKS, todayInEngland } from '@waymark/domain';
import { withSystemAccess, type HousekeepingJob, type Orm } from '@waymark/subgraph-kit';
import { ASSESSMENT_AREAS } from './self-evaluation.areas.js';
import { SelfEvaluationOverride } from './self-evaluation-override.entity.js';
import { SelfEvaluationReading, SelfEvaluationSnapshot, type KeptArea, type KeptScore, type SnapshotKind } from './self-evaluation-snapshot.entity.js';
import { benchmarkScore, type AreaState } from './self-evaluation.rules.js';

/*
 * Self-evaluation snapshots (docs/benchmarks-contract.md, "Self-evaluation snapshots"): the eight scores and
 * every area's state, kept on 31 December, 31 March and 31 July (days in England) and whenever the careers
 * leader asks. A snapshot is written once and never changed.
 */

/** The days of the year (MM-DD) a scheduled snapshot is kept. */
export const SNAPSHOT_DAYS = ['12-31', '03-31', '07-31'] as const;

/** Whether `day` (YYYY-MM-DD) is one of the three snapshot days. */
export function isSnapshotDay(day: string): boolean {
  return (SNAPSHOT_DAYS as readonly string[]).includes(day.slice(5));
}

/** The eight scores from every area's state. */
export function scoresOf(areas: readonly KeptArea[]): KeptScore[] {
  const stateOf = new Map(areas.map((a) => [a.key, a.state]));
  return GATSBY_BENCHMARKS.map(({ number }) => {
    const states = ASSESSMENT_AREAS.filter((a) => a.benchmark === number).map((a) => stateOf.get(a.key) ?? 'NOT_ENOUGH_EVIDENCE');
    return { benchmark: number, score: benchmarkScore(states), achieved: states.filter((s) => s === 'ACHIEVED').length, areas: states.length };
  });
}

/**
 * Every area's state from what the encounters subgraph holds by itself: the leader's answer, otherwise the
 * records' answer as last worked out (`reading`), otherwise not enough evidence.
 */
export function keptAreas(overrides: readonly Pick<SelfEvaluationOverride, 'areaKey' | 'state'>[], reading: readonly KeptArea[] | null): KeptArea[] {
  const answered = new Map(overrides.map((o) => [o.areaKey, o.state as AreaState]));
  const read = new Map((reading ?? []).map((a) => [a.key, a.state]));
  return ASSESSMENT_AREAS.map((a) => ({ key: a.key, state: answered.get(a.key) ?? (a.rule ? read.get(a.key) : undefined) ?? 'NOT_ENOUGH_EVIDENCE' }));
}

export interface NewSnapshot {
  schoolId: string;
  takenOn: string;
  kind: SnapshotKind;
  areas: KeptArea[];
  recordsReadOn: string | null;
  takenByName: string | null;
}

/**
 * Inserts a snapshot unless the school already has one of that kind that day (the unique key decides, so two
 * at once still make one). Returns the row when this call made it, null when one was there already.
 */
export async function insertSnapshot(em: EntityManager, snapshot: NewSnapshot): Promise<SelfEvaluationSnapshot | null> {
  const rows = await em.execute<{ id: string }[]>(
    `insert into "self_evaluation_snapshot" ("id", "school_id", "taken_on", "kind", "scores", "areas", "records_read_on", "taken_by_name", "taken_at")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict ("school_id", "taken_on", "kind") do nothing
     returning "id"`,
    [
      randomUUID(),
      snapshot.schoolId,
      snapshot.takenOn,
      snapshot.kind,
      JSON.stringify(scoresOf(snapshot.areas)),
      JSON.stringify(snapshot.areas),
      snapshot.recordsReadOn,
      snapshot.takenByName,
      new Date(),
    ],
  );
  if (rows.length === 0) return null;
  return em.findOneOrFail(SelfEvaluationSnapshot, { id: rows[0].id }, { refresh: true });
}

/** The schools with anything here to keep: encounters, the leader's answers, or a reading of the records. */
async function schoolsWithData(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ school_id: string }[]>(
    `select "school_id" from "encounter"
     union select "school_id" from "self_evaluation_override"
     union select "school_id" from "self_evaluation_reading"
     order by 1`,
  );
  return rows.map((r) => r.school_id);
}

/** Keeps the scheduled snapshot of every school with data, when `now` is a snapshot day in England; returns how many were made. */
export async function takeScheduledSnapshots(orm: Pick<Orm, 'em'>, now: Date): Promise<{ day: string; made: number } | null> {
  const day = todayInEngland(now);
  if (!isSnapshotDay(day)) return null;
  return withSystemAccess(orm, `self-evaluation snapshots of ${day} for every school with data`, async (em) => {
    let made = 0;
    for (const schoolId of await schoolsWithData(em)) {
      const overrides = await em.find(SelfEvaluationOverride, { schoolId });
      const reading = await em.findOne(SelfEvaluationReading, { schoolId });
      const areas = keptAreas(overrides, reading?.areas ?? null);
      const saved = await insertSnapshot(em, { schoolId, takenOn: day, kind: 'SCHEDULED', areas, recordsReadOn: reading?.readOn ?? null, takenByName: null });
      if (saved) made += 1;
    }
    return { day, made };
  });
}

/** The housekeeping job: checked every quarter of an hour, so a snapshot day is never missed and a second check that day makes nothing more. */
export const selfEvaluationSnapshotJob: HousekeepingJob = {
  name: 'self-evaluation snapshots',
  everyMs: 15 * 60 * 1000,
  run: async (orm, now) => {
    const done = await takeScheduledSnapshots(orm, now);
    return done && done.made > 0 ? `${done.made} schools' snapshots of ${done.day} kept` : undefined;
  },
};
