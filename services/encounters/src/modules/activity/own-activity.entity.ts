import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OWN_ACTIVITY_KIND_KEYS, type OwnActivityKind } from '@waymark/domain';
import { MutationError, tenantPolicy } from '@waymark/subgraph-kit';
import { OWN_ACTIVITY_FACT_COLUMNS, factVersionTriggers } from '../benchmarks/dashboard-answer.entity.js';

export const OwnActivityKindEnum = Object.fromEntries(OWN_ACTIVITY_KIND_KEYS.map((kind) => [kind, kind])) as { [K in OwnActivityKind]: K };
registerEnumType(OwnActivityKindEnum, { name: 'OwnActivityKind' });

export enum OwnActivityStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  DECLINED = 'DECLINED',
}
registerEnumType(OwnActivityStatus, { name: 'OwnActivityStatus' });

/**
 * Something a pupil did on their own (a part-time job, work experience they found, an open day),
 * submitted for staff of their school to verify. Only verified activities count for a benchmark.
 */
@Entity({
  tableName: 'own_activity',
  triggers: factVersionTriggers('own_activity', OWN_ACTIVITY_FACT_COLUMNS),
  ...tenantPolicy({ kind: 'pupil', trust: true }),
})
@Index({ properties: ['schoolId', 'status'] })
@Index({ properties: ['pupilId', 'status'] })
@ObjectType()
export class OwnActivity {
  [OptionalProps]?: 'description' | 'endedOn' | 'status' | 'declineReason' | 'submittedAt' | 'decidedAt' | 'decidedBy';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  /** The pupil's school when they submitted it: whose staff verify it. */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Enum({ items: () => OwnActivityKindEnum })
  @Field(() => OwnActivityKindEnum)
  kind: OwnActivityKind;

  @Property({ type: 'string', length: 200 })
  @Field()
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'date' })
  @Field()
  startedOn: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'double' })
  @Field(() => Float)
  hours: number;

  @Enum({ items: () => OwnActivityStatus })
  @Field(() => OwnActivityStatus)
  status: OwnActivityStatus = OwnActivityStatus.SUBMITTED;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why staff declined it; shown to the pupil.' })
  declineReason: string | null = null;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  submittedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The name of the member of staff who verified or declined it.' })
  decidedBy: string | null = null;
}

@ObjectType()
export class OwnActivityResult {
  @Field(() => OwnActivity, { nullable: true })
  activity: OwnActivity | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
