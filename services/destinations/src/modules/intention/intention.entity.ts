import { tenantPolicy } from '@waymark/subgraph-kit';
import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { INTENTION_KIND_KEYS, type IntentionKind as DomainIntentionKind } from '@waymark/domain';

// Built from the domain's list so the GraphQL enum and the check constraint cannot drift from it.
export const IntentionKind = Object.fromEntries(INTENTION_KIND_KEYS.map((kind) => [kind, kind])) as { [K in DomainIntentionKind]: K };
export type IntentionKind = DomainIntentionKind;
registerEnumType(IntentionKind, { name: 'IntentionKind' });

/**
 * What a pupil in Year 11 or Year 13 means to do next. Rows are never changed: a new intention is a
 * new row, so the history stays and the newest is the current one. `schoolId` and `trustId` are on
 * the row so every query can be scoped to the caller's tenant.
 */
@Entity({ tableName: 'intention', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Index({ properties: ['pupilId', 'enteredAt'] })
@Index({ properties: ['schoolId', 'yearGroup'] })
@ObjectType({ description: "A pupil's intended destination after Year 11 or Year 13, as recorded by the pupil or their school's staff." })
export class Intention {
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
  @Field(() => Int, { description: 'The year group the pupil was in when it was recorded: 11 or 13.' })
  yearGroup: number;

  @Enum({ items: () => IntentionKind })
  @Field(() => IntentionKind)
  kind: IntentionKind;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Apprenticeships only: level 2 to 7, when known.' })
  apprenticeshipLevel: number | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  provider: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  course: string | null;

  /** The account that recorded it. */
  @Property({ type: 'string', length: 64 })
  enteredById: string;

  @Property({ type: 'string', length: 40 })
  @Field({ description: "Who recorded it: 'pupil', or the staff role (careers_leader, staff, careers_adviser)." })
  enteredByRole: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  enteredAt: Date;
}

/** What a pupil hopes to do, in their own words, with hashtags. Every row is kept. */
@Entity({ tableName: 'aspiration', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Index({ properties: ['pupilId', 'enteredAt'] })
@ObjectType({ description: 'What a pupil hopes to do, in their own words.' })
export class Aspiration {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'text' })
  @Field()
  text: string;

  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  @Field(() => [String])
  hashtags: string[] = [];

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  enteredAt: Date;
}
