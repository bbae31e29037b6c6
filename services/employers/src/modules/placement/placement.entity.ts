import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PlacementStatus {
  /** Offered: pupils may apply until it starts, and the schools answer. */
  OPEN = 'OPEN',
  /** Its dates are over and the employer marked it done: each approved pupil's experience is recorded. */
  COMPLETED = 'COMPLETED',
  /** Withdrawn before it started: the volunteer who offered it deleted their account. Its applications were answered saying so. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PlacementStatus, { name: 'PlacementStatus' });

export enum PlacementApplicationStatus {
  /** Waiting for the pupil's school. */
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  /** The pupil did the placement: it is on their record as work experience. */
  COMPLETED = 'COMPLETED',
}
registerEnumType(PlacementApplicationStatus, { name: 'PlacementApplicationStatus' });

/**
 * A work-experience placement an employer volunteer offers to some of the schools they work with.
 * `taken` counts the approved places; the database never lets it pass `capacity` (the check
 * constraint and the conditional update in PlacementService.answer).
 */
@Entity({ tableName: 'placement' })
@Check({ name: 'placement_taken_within_capacity', expression: 'taken >= 0 and taken <= capacity' })
@Index({ properties: ['volunteerId', 'createdAt'] })
@Index({ properties: ['schoolIds'], type: 'gin' })
@ObjectType({ description: 'A work-experience placement an employer offers to schools. It names no pupil.' })
export class Placement {
  [OptionalProps]?: 'status' | 'taken' | 'completedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  /** The volunteer who offered it. */
  @Property({ type: 'uuid' })
  volunteerId: string;

  @Property({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Property({ type: 'string', length: 120 })
  @Field()
  title: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the pupil will do.' })
  tasks: string;

  /** The first and last day, YYYY-MM-DD (England). */
  @Property({ type: 'date' })
  @Field()
  dateFrom: string;

  @Property({ type: 'date' })
  @Field()
  dateTo: string;

  @Property({ type: 'double' })
  @Field(() => Float)
  hoursPerDay: number;

  /** Weekdays (Monday to Friday) from dateFrom to dateTo. */
  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Working days (Monday to Friday) from the first day to the last.' })
  days: number;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  capacity: number;

  /** Approved places. */
  @Property({ type: 'smallint', default: 0 })
  taken: number = 0;

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  yearGroups: number[];

  /** The schools it is offered to: some of the volunteer's schools. */
  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  schoolIds: string[];

  @Property({ type: 'string', length: 20, default: PlacementStatus.OPEN })
  @Field(() => PlacementStatus)
  status: PlacementStatus = PlacementStatus.OPEN;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();
}

/**
 * A pupil's application for a placement. The employer only ever reads the pupil's first name and
 * year group (copied here when the pupil applies), and only once their school approved them.
 */
@Entity({
  tableName: 'placement_application',
  ...tenantPolicy({
    kind: 'pupil',
    trust: false,
    extra: [`exists (select 1 from "placement" p where p."id" = "placement_application"."placement_id" and p."volunteer_id" = ${TENANT_SQL.volunteer})`],
  }),
})
@Unique({ properties: ['placement', 'pupilId'] })
@Index({ properties: ['schoolId', 'createdAt'] })
@Index({ properties: ['pupilId', 'createdAt'] })
@ObjectType({ description: "A pupil's application for a placement: their first name and year group, never anything else about them." })
export class PlacementApplication {
  [OptionalProps]?: 'status' | 'response' | 'respondedAt' | 'feedback' | 'encounterId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Placement, { deleteRule: 'cascade' })
  placement: Placement;

  @Property({ type: 'uuid' })
  pupilId: string;

  /** The pupil's school when they applied: its staff answer. */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 100 })
  @Field()
  firstName: string;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  yearGroup: number;

  /** The pupil's words to their school; never shown to the employer. */
  @Property({ type: 'text' })
  statement: string;

  @Property({ type: 'string', length: 20, default: PlacementApplicationStatus.PENDING })
  @Field(() => PlacementApplicationStatus)
  status: PlacementApplicationStatus = PlacementApplicationStatus.PENDING;

  /** The school's message to the pupil with its answer; never shown to the employer (PlacementApplicationResolver.response). */
  @Property({ type: 'text', nullable: true })
  response: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The employer's feedback to the pupil after the placement." })
  feedback: string | null = null;

  /** The pupil's work experience in the encounters subgraph, once the outbox has delivered it. */
  @Property({ type: 'uuid', nullable: true })
  encounterId: string | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();
}

export enum PlacementOutboxStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
}

/**
 * A completed placement's encounter for one pupil, written in the same transaction as the completion
 * and sent by PlacementOutboxService with its idempotency key (services/employers/docs/encounter-outbox.md).
 */
@Entity({
  tableName: 'placement_outbox',
  // The school's staff send it; the volunteer whose placement it is writes it when they mark the placement done.
  ...tenantPolicy({
    kind: 'school',
    trust: false,
    extra: [
      `exists (select 1 from "placement_application" a join "placement" p on p."id" = a."placement_id" where a."id" = "placement_outbox"."application_id" and p."volunteer_id" = ${TENANT_SQL.volunteer})`,
    ],
  }),
})
@Index({ properties: ['schoolId', 'status'] })
export class PlacementOutbox {
  [OptionalProps]?: 'status' | 'attempts' | 'lastError' | 'encounterId' | 'doneAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid', unique: true })
  applicationId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 100, unique: true })
  idempotencyKey: string;

  /** The createEncounter input, as sent. */
  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'string', length: 20, default: PlacementOutboxStatus.PENDING })
  status: PlacementOutboxStatus = PlacementOutboxStatus.PENDING;

  @Property({ type: 'int', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  encounterId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  doneAt: Date | null = null;
}
