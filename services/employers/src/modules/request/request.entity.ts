import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SicSection, VolunteerActivity } from '@waymark/domain';
import { SicSectionEnum, VolunteerActivityEnum } from '../volunteer-profile/volunteer-profile.types.js';

export enum VolunteerRequestStatus {
  /** Taking offers. */
  OPEN = 'OPEN',
  /** The school confirmed the volunteers it accepted; an encounter is (being) made. */
  CONFIRMED = 'CONFIRMED',
  /** Its dates passed before the school confirmed. */
  CLOSED = 'CLOSED',
}
registerEnumType(VolunteerRequestStatus, { name: 'VolunteerRequestStatus' });

export enum VolunteerOfferStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** The request closed (its dates passed, or the school confirmed other volunteers) before an answer. */
  CLOSED = 'CLOSED',
}
registerEnumType(VolunteerOfferStatus, { name: 'VolunteerOfferStatus' });

/**
 * A school's request for volunteers: what, when (a window of days), for which year groups, and
 * where (a postcode, or online). It holds nothing about any pupil: volunteers read it.
 */
@Entity({ tableName: 'volunteer_request', ...tenantPolicy({ kind: 'school', trust: true, extra: [`${TENANT_SQL.volunteer} is not null`] }) })
@Index({ properties: ['schoolId', 'createdAt'] })
@Index({ properties: ['status', 'dateTo'] })
@Index({ properties: ['status', 'activity', 'dateFrom'] })
@ObjectType({ description: "A school's request for volunteers. It names no pupil." })
export class VolunteerRequest {
  [OptionalProps]?: 'status' | 'closedReason' | 'confirmedAt' | 'encounterId' | 'createdAt' | 'unsupervised' | 'regular';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'string', length: 40 })
  @Field(() => VolunteerActivityEnum)
  activity: VolunteerActivity;

  /** The first and last day it could happen, YYYY-MM-DD (England). */
  @Property({ type: 'date' })
  @Field()
  dateFrom: string;

  @Property({ type: 'date' })
  @Field()
  dateTo: string;

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  yearGroups: number[];

  @Property({ type: 'smallint' })
  @Field(() => Int)
  volunteersWanted: number;

  /** SIC 2007 section letters; empty means any sector. */
  @Property({ type: new ArrayType(), columnType: 'text[]' })
  @Field(() => [SicSectionEnum], { description: 'Any sector when empty.' })
  sectors: SicSection[];

  @Property({ type: 'boolean' })
  @Field({ description: 'Online rather than in person.' })
  virtual: boolean;

  /** In person: where it happens, usually the school. */
  @Property({ type: 'string', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'In person: where it happens, usually the school.' })
  postcode: string | null;

  /** The postcode's district, which volunteers' reach is matched on. */
  @Property({ type: 'string', length: 4, nullable: true })
  district: string | null;

  @Property({ type: 'text' })
  @Field()
  details: string;

  /** The school says none of its staff will be with the volunteer and the pupils (one of the things that decide the checks needed). */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'No member of staff will be with the volunteer and the pupils (the school says so).' })
  unsupervised: boolean = false;

  /** The school says the same volunteer meets the pupils again and again, like a mentoring programme. */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'The same volunteer meets the pupils again and again, like a mentoring programme (the school says so).' })
  regular: boolean = false;

  @Property({ type: 'string', length: 20, default: VolunteerRequestStatus.OPEN })
  @Field(() => VolunteerRequestStatus)
  status: VolunteerRequestStatus = VolunteerRequestStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it closed, in words for the volunteers who offered.' })
  closedReason: string | null = null;

  /** The account that posted it. */
  @Property({ type: 'string', length: 100 })
  createdById: string;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null = null;

  /** The encounter made for it in the encounters subgraph, once the outbox has delivered it. */
  @Property({ type: 'uuid', nullable: true })
  encounterId: string | null = null;
}

/** A volunteer's offer to help with a request, and the school's answer. One per volunteer and request. */
@Entity({ tableName: 'volunteer_offer', ...tenantPolicy({ kind: 'school', trust: false, extra: [`"volunteer_id" = ${TENANT_SQL.volunteer}`] }) })
@Unique({ properties: ['request', 'volunteerId'] })
@Index({ properties: ['volunteerId', 'createdAt'] })
@ObjectType()
export class VolunteerOffer {
  [OptionalProps]?: 'status' | 'response' | 'responseByWaymark' | 'respondedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => VolunteerRequest, { deleteRule: 'cascade' })
  request: VolunteerRequest;

  @Property({ type: 'uuid' })
  volunteerId: string;

  /** The request's school, on the row so the school's reads need no join. */
  @Index()
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'text' })
  @Field({ description: "The volunteer's message to the school." })
  message: string;

  @Property({ type: 'string', length: 20, default: VolunteerOfferStatus.OPEN })
  @Field(() => VolunteerOfferStatus)
  status: VolunteerOfferStatus = VolunteerOfferStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The school's message with its answer, or why the offer closed." })
  response: string | null = null;

  /** Who wrote `response`: the school (false), or Waymark when it closed the offer itself. */
  @Property({ type: 'boolean', default: false })
  @Field({
    description:
      "True when Waymark wrote the response, not the school: the request's dates passed, the school confirmed the volunteers it needed, or the volunteer left Waymark.",
  })
  responseByWaymark: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();
}

export enum OutboxStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
}

/**
 * Work for another subgraph, written in the same transaction as the change that needs it: a
 * confirmed request's encounter. The dispatcher (encounter-outbox.service.ts) sends it with its
 * idempotency key until the encounters subgraph answers, then marks it done.
 */
@Entity({ tableName: 'encounter_outbox', ...tenantPolicy({ kind: 'school', trust: false }) })
@Index({ properties: ['schoolId', 'status'] })
export class EncounterOutbox {
  [OptionalProps]?: 'status' | 'attempts' | 'lastError' | 'encounterId' | 'doneAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid', unique: true })
  requestId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 100, unique: true })
  idempotencyKey: string;

  /** The createEncounter input, as sent. */
  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'string', length: 20, default: OutboxStatus.PENDING })
  status: OutboxStatus = OutboxStatus.PENDING;

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
