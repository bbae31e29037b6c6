import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EducationProviderKind, SpellActivity } from '../spell/spell.entity.js';

export const SELF_REPORT_STATUSES = ['AWAITING', 'PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];
export const SelfReportStatus = Object.fromEntries(SELF_REPORT_STATUSES.map((status) => [status, status])) as { [K in SelfReportStatus]: K };
registerEnumType(SelfReportStatus, {
  name: 'SelfReportStatus',
  description:
    'AWAITING: a link was made and nothing has been reported with it yet; PENDING: the young person reported, and the school has not yet confirmed or rejected it; CONFIRMED: it became an activity spell; REJECTED: the school did not accept it.',
});

/**
 * A leaver's self-report (docs/domain-rules.md, "Destinations"): first the private link the school
 * made for them (only the SHA-256 of its token is kept, never the token), then what they said they are
 * doing, waiting for the school to confirm or reject it. Nothing here counts in any figure: only a
 * confirmed report becomes an activity spell. `firstName` and `schoolName` are what the public page
 * shows, copied when the link is made so the page needs nothing else about the leaver.
 */
@Entity({ tableName: 'self_report', ...tenantPolicy({ kind: 'school', trust: false }) })
@Index({ properties: ['schoolId', 'status'] })
@Index({ properties: ['pupilId'] })
@ObjectType('SelfReport', { description: "A leaver's own report of what they are doing now, made through a private link from their school." })
export class SelfReportRow {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The calendar year of the summer the young person finished Year 11.' })
  leavingYear: number;

  /** Hex SHA-256 of the link's token; null once the link has been used or replaced. */
  @Unique()
  @Property({ type: 'string', length: 64, nullable: true })
  tokenHash: string | null;

  @Property({ type: 'string', length: 100 })
  firstName: string;

  @Property({ type: 'string', length: 200 })
  schoolName: string;

  @Enum({ items: () => SelfReportStatus })
  @Field(() => SelfReportStatus)
  status: SelfReportStatus;

  @Property({ type: 'string', length: 64 })
  createdById: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @Property({ type: 'timestamptz' })
  @Field(() => Date, { description: 'When the link stops working, if it has not been used by then.' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Enum({ items: () => SpellActivity, nullable: true })
  @Field(() => SpellActivity, { nullable: true })
  activity: SpellActivity | null;

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

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startsOn: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  decidedById: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  /** The activity spell a confirmed report became. */
  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  spellId: string | null;
}
