import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { AreaState } from './self-evaluation.rules.js';

/** Why a snapshot was taken: on one of the three days of the year, or when the careers leader asked. */
export type SnapshotKind = 'SCHEDULED' | 'ON_DEMAND';

/** One benchmark's score as it was kept. */
export interface KeptScore {
  benchmark: number;
  score: number;
  achieved: number;
  areas: number;
}

/** One area's state as it was kept. */
export interface KeptArea {
  key: string;
  state: AreaState;
}

/**
 * A school's self-evaluation kept as it stood on a day (docs/benchmarks-contract.md, "Self-evaluation
 * snapshots"). Written once and never changed: there is no update path in the code, and the database
 * refuses an UPDATE of a row (trigger in the migration). One per school, day and kind.
 */
@Entity({
  tableName: 'self_evaluation_snapshot',
  ...tenantPolicy({ kind: 'school', trust: false }),
  triggers: [
    {
      name: 'self_evaluation_snapshot_no_update',
      timing: 'before',
      events: ['update'],
      forEach: 'row',
      body: `raise exception 'A self-evaluation snapshot is never changed once kept' using errcode = 'check_violation';`,
    },
  ],
})
@Unique({ properties: ['schoolId', 'takenOn', 'kind'] })
@Index({ properties: ['schoolId', 'takenOn'] })
export class SelfEvaluationSnapshot {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  /** The day it stands for (YYYY-MM-DD, in England). */
  @Property({ type: 'date' })
  takenOn: string;

  @Property({ type: 'text' })
  kind: SnapshotKind;

  @Property({ type: 'json' })
  scores: KeptScore[];

  @Property({ type: 'json' })
  areas: KeptArea[];

  /** The day the records' answers were worked out (the same day on demand; the last reading for a scheduled one), or null when never. */
  @Property({ type: 'date', nullable: true })
  recordsReadOn: string | null;

  /** Who asked for it; null for the scheduled ones. */
  @Property({ type: 'text', nullable: true })
  takenByName: string | null;

  @Property({ type: 'datetime' })
  takenAt: Date;
}

/**
 * The records' answers to a school's areas as last worked out for its own staff (one row per school,
 * replaced at each reading). The scheduled snapshots, taken with no one signed in, read these: the
 * encounters subgraph cannot ask the pupils subgraph for a cohort without a caller.
 */
@Entity({ tableName: 'self_evaluation_reading', ...tenantPolicy({ kind: 'school', trust: false }) })
@Unique({ properties: ['schoolId'] })
export class SelfEvaluationReading {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'date' })
  readOn: string;

  /** The records-answered areas only. */
  @Property({ type: 'json' })
  areas: KeptArea[];
}
