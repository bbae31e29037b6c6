import { ArrayType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { CdiArea, HalfTerm, VulnerableGroupCode } from '@waymark/domain';
import { tenantPolicy } from '@waymark/subgraph-kit';

/**
 * One planned activity of a school's careers programme (docs/domain-rules.md, "Programme planner"):
 * its academic year and half term, who it is for, what it is for, and the encounters that delivered it
 * (ids of the same school's encounters). Row-level security: a working row of the school's staff and
 * its trust's analysts; pupils and parents never read the plan.
 */
@Entity({ tableName: 'programme_plan_item', ...tenantPolicy({ kind: 'staff', trust: true }) })
@Index({ properties: ['schoolId', 'academicYear'] })
// Copying a plan forward twice copies each item once.
@Unique({ properties: ['schoolId', 'copiedFromId'] })
export class ProgrammePlanItem {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** Named by the calendar year it starts in (2026 is 2026/27). */
  @Property({ type: 'integer' })
  academicYear: number;

  @Property({ type: 'text' })
  halfTerm: HalfTerm;

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  yearGroups: number[];

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text', nullable: true })
  purpose: string | null;

  @Property({ type: 'text', nullable: true })
  learningOutcomes: string | null;

  @Property({ type: new ArrayType(), columnType: 'text[]' })
  cdiAreas: CdiArea[];

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  benchmarks: number[];

  @Property({ type: 'string', length: 200, nullable: true })
  deliveredBy: string | null;

  /** VulnerableGroup codes; none: every pupil of the year groups. */
  @Property({ type: new ArrayType(), columnType: 'text[]' })
  forGroups: VulnerableGroupCode[];

  @Property({ type: 'text', nullable: true })
  sendAdaptations: string | null;

  @Property({ type: 'date', nullable: true })
  startsOn: string | null;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null;

  /** The encounters that delivered it, in the order they were linked. */
  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  encounterIds: string[];

  /** The item of an earlier year this one was copied from, if any. */
  @Property({ type: 'uuid', nullable: true })
  copiedFromId: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  updatedAt: Date;
}
