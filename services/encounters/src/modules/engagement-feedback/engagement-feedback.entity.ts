import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';

/** The volunteer's own rows: the school's staff and trust's analysts (the resolvers narrow it further), and the volunteer. */
const VOLUNTEER_OWN = `"volunteer_id" = ${TENANT_SQL.volunteer}`;

/**
 * What a volunteer who delivered an encounter says afterwards (docs/domain-rules.md, "Feedback after
 * an engagement"): on the pupils' work as a group, and on how the school organised it (a rating of 1 to
 * 5 and words), which only the school's careers leaders read. One row per volunteer per encounter,
 * changed in place when they edit it. Row-level security: the school's working rows (never its pupils
 * or parents) and the volunteer who wrote it.
 */
@Entity({ tableName: 'engagement_feedback', ...tenantPolicy({ kind: 'staff', trust: true, extra: [VOLUNTEER_OWN] }) })
@Unique({ properties: ['encounter', 'volunteerId'] })
@Index({ properties: ['volunteerId'] })
@Check({ name: 'engagement_feedback_rating_range', expression: 'organisation_rating >= 1 and organisation_rating <= 5' })
export class EngagementFeedback {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  encounter: Encounter;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'uuid' })
  volunteerId: string;

  /** On the pupils' work as a group. */
  @Property({ type: 'text' })
  groupFeedback: string;

  @Property({ type: 'smallint' })
  organisationRating: number;

  @Property({ type: 'text' })
  organisationFeedback: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/**
 * A volunteer's words for one pupil who attended a workplace experience they delivered, which the pupil
 * and their school's staff read. Row-level security: the pupil's rows (the pupil, the school's staff,
 * who may see that pupil) and the volunteer who wrote it.
 */
@Entity({ tableName: 'pupil_engagement_feedback', ...tenantPolicy({ kind: 'pupil', trust: true, extra: [VOLUNTEER_OWN] }) })
@Unique({ properties: ['participation', 'volunteerId'] })
@Index({ properties: ['pupilId'] })
@Index({ properties: ['encounterId', 'volunteerId'] })
export class PupilEngagementFeedback {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Participation, { deleteRule: 'cascade' })
  participation: Participation;

  @Property({ type: 'uuid' })
  encounterId: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'uuid' })
  volunteerId: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/**
 * The school's thanks to a volunteer who delivered an encounter: a message the volunteer reads and a
 * rating of 1 to 5 the school keeps for itself. One per volunteer per encounter, written by a careers
 * leader. Row-level security: the school's working rows and the volunteer thanked (the resolvers never
 * hand the volunteer the rating).
 */
@Entity({ tableName: 'volunteer_thanks', ...tenantPolicy({ kind: 'staff', trust: true, extra: [VOLUNTEER_OWN] }) })
@Unique({ properties: ['encounter', 'volunteerId'] })
@Index({ properties: ['volunteerId'] })
@Check({ name: 'volunteer_thanks_rating_range', expression: 'rating >= 1 and rating <= 5' })
export class VolunteerThanks {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  encounter: Encounter;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'uuid' })
  volunteerId: string;

  @Property({ type: 'text' })
  message: string;

  @Property({ type: 'smallint' })
  rating: number;

  /** The careers leader's account, for the school's own record. */
  @Property({ type: 'string', length: 255 })
  thankedBy: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
