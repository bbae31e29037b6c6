import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/**
 * Why a pupil's states left a trust's feed: they are no longer on roll at a school of the trust on the
 * day of the run (they left, moved to a school outside the trust, or their record was deleted or
 * pseudonymised), or they are on roll but not in Years 7–13 that day, so the engine computes nothing for them.
 */
export type BenchmarkStateTombstoneReason = 'NOT_ON_ROLL' | 'NO_YEAR_GROUP';

/**
 * The last state the nightly job published for a pupil of a trust on one measure
 * (docs/trust-api.md, "Benchmark states"): what the next run compares the engine's answer with, so
 * only what changed is logged. Written only by the job (benchmark-feed.job.ts); readable by the
 * trust's analysts only.
 */
@Entity({ tableName: 'benchmark_state', ...tenantPolicy({ kind: 'trust' }) })
export class BenchmarkState {
  @PrimaryKey({ type: 'uuid' })
  trustId: string;

  @PrimaryKey({ type: 'uuid' })
  pupilId: string;

  @PrimaryKey({ type: 'text' })
  measure: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'smallint' })
  yearGroup: number;

  @Property({ type: 'text' })
  state: string;

  @Property({ type: 'integer' })
  count: number;

  @Property({ type: 'integer' })
  needed: number;

  /** The day of the run that published this state (when it last changed). */
  @Property({ type: 'date' })
  asOf: string;
}

/**
 * The log behind `benchmarkStateChanges`: one row each time the job publishes a changed state (the
 * state itself, so a page reads nothing else) or a tombstone (a reason, no state). Append-only but for
 * compaction. Positions (`seq`) are handed out only by the job while it holds the trust's advisory
 * lock (benchmark-feed.job.ts), so a trust's rows commit in the order of their positions and a reader
 * never passes one still being written. Readable by the trust's analysts only.
 */
@Entity({ tableName: 'benchmark_state_change', ...tenantPolicy({ kind: 'trust' }) })
@Index({ properties: ['trustId', 'seq'] })
@Index({ properties: ['trustId', 'pupilId', 'measure', 'seq'] })
export class BenchmarkStateChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string;

  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'text' })
  measure: string;

  /** Null while the state is published; otherwise why the pupil's states left the feed. */
  @Property({ type: 'text', nullable: true })
  reason: BenchmarkStateTombstoneReason | null = null;

  @Property({ type: 'uuid', nullable: true })
  schoolId: string | null = null;

  @Property({ type: 'smallint', nullable: true })
  yearGroup: number | null = null;

  @Property({ type: 'text', nullable: true })
  state: string | null = null;

  @Property({ type: 'integer', nullable: true })
  count: number | null = null;

  @Property({ type: 'integer', nullable: true })
  needed: number | null = null;

  /** The day of the run that wrote the row. */
  @Property({ type: 'date' })
  asOf: string;
}
