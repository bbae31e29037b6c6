import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EducationProviderKind, SpellActivity } from '../spell/spell.entity.js';

export const ALUMNI_REPORT_STATUSES = ['PENDING', 'MATCHED', 'KEPT', 'REJECTED'] as const;
export type AlumniReportStatus = (typeof ALUMNI_REPORT_STATUSES)[number];
export const AlumniReportStatus = Object.fromEntries(ALUMNI_REPORT_STATUSES.map((status) => [status, status])) as { [K in AlumniReportStatus]: K };
registerEnumType(AlumniReportStatus, {
  name: 'AlumniReportStatus',
  description:
    "PENDING: the school has not looked at it yet; MATCHED: the school matched it to one of its leavers, and it became that leaver's activity spell; KEPT: the school kept it as an alumni destination, matched to no leaver (counted in no leaver figure); REJECTED: the school did not accept it.",
});

/**
 * A confirmed alumnus's own report of what they do now (docs/domain-rules.md, "Destinations"), for
 * the school that confirmed them. Kept apart from leavers' self-reports: it names a volunteer, never a
 * pupil, until the school's staff match it to one of their leavers. Nothing here counts in any figure;
 * only a match makes an activity spell. Rows are the school's staff's and the alumnus's own (row-level
 * security: the school, or the volunteer who wrote it).
 */
@Entity({ tableName: 'alumni_report', ...tenantPolicy({ kind: 'staff', trust: false, extra: [`"volunteer_id" = ${TENANT_SQL.volunteer}`] }) })
@Index({ properties: ['schoolId', 'status'] })
@Index({ properties: ['volunteerId'] })
@ObjectType('AlumniReport', { description: "A confirmed alumnus's own report of what they do now, for the school that confirmed them." })
export class AlumniReportRow {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  /** The alumnus (employers subgraph's volunteer), as the employers subgraph vouched for the caller. */
  @Property({ type: 'uuid' })
  volunteerId: string;

  /** The school that confirmed them (never one they chose when reporting). */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Their name as they gave it when they signed up.' })
  name: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The year they say they left the school.' })
  yearLeft: number | null;

  @Enum({ items: () => AlumniReportStatus })
  @Field(() => AlumniReportStatus)
  status: AlumniReportStatus;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  submittedAt: Date;

  @Enum({ items: () => SpellActivity })
  @Field(() => SpellActivity)
  activity: SpellActivity;

  @Enum({ items: () => EducationProviderKind, nullable: true })
  @Field(() => EducationProviderKind, { nullable: true })
  providerKind: EducationProviderKind | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  apprenticeshipLevel: number | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The college, university, training provider or employer, in their words.' })
  provider: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The course or job, in their words.' })
  course: string | null;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD' })
  startsOn: string;

  @Property({ type: 'string', length: 64, nullable: true })
  decidedById: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the school matched, kept or rejected it.' })
  decidedAt: Date | null;

  /** The leaver it was matched to (staff see it as `leaver`; the alumnus never does). */
  @Property({ type: 'uuid', nullable: true })
  pupilId: string | null;

  /** The activity spell a match made. */
  @Property({ type: 'uuid', nullable: true })
  spellId: string | null;
}
