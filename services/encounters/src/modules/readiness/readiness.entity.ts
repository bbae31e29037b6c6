import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * A pupil's answers to the career readiness questionnaire in one academic year (docs/domain-rules.md,
 * "Career readiness"): each question's key and its answer, 1 to 4. One per pupil and year; answering
 * again that year replaces it. The pupil's school and year group when they answered are kept, so the
 * school's figures and the pupil's own change over time read from the same row.
 */
@Entity({ tableName: 'readiness_response', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Unique({ properties: ['pupilId', 'academicYear'] })
@Index({ properties: ['schoolId', 'academicYear'] })
export class ReadinessResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'smallint' })
  academicYear: number;

  @Property({ type: 'smallint' })
  yearGroup: number;

  @Property({ type: 'json' })
  answers: Record<string, number>;

  @Property({ type: 'datetime' })
  submittedAt: Date;
}
