import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { VOLUNTEER_CHECK_KEYS, VOLUNTEER_CHECK_KINDS, type VolunteerCheckKind } from '@waymark/domain';

/** The GraphQL enum: names and values are the keys of @waymark/domain's VOLUNTEER_CHECK_KINDS. */
export const VolunteerCheckKindEnum = Object.fromEntries(VOLUNTEER_CHECK_KEYS.map((key) => [key, key])) as { [K in VolunteerCheckKind]: K };
registerEnumType(VolunteerCheckKindEnum, {
  name: 'VolunteerCheckKind',
  description: 'A check a school may make on a volunteer.',
  valuesConfig: Object.fromEntries(VOLUNTEER_CHECK_KEYS.map((key) => [key, { description: VOLUNTEER_CHECK_KINDS[key].label }])),
});

/**
 * A check a school made on a volunteer, recorded as that school's own decision: which check, the day
 * it was done, the day it stops counting, and who at the school recorded it. Each school keeps its
 * own; a new check of a kind is a new row, so the history stays. Staff of that school and the
 * volunteer themself read it (docs/domain-rules.md, "Checks on volunteers"); pupils never do.
 */
@Entity({ tableName: 'volunteer_check', ...tenantPolicy({ kind: 'staff', trust: false, extra: [`"volunteer_id" = ${TENANT_SQL.volunteer}`] }) })
@Index({ properties: ['schoolId', 'volunteerId'] })
@Index({ properties: ['volunteerId'] })
@ObjectType({ description: "A check a school made on a volunteer, as the school's own decision." })
export class VolunteerCheck {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  volunteerId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 30 })
  @Field(() => VolunteerCheckKindEnum)
  kind: VolunteerCheckKind;

  /** YYYY-MM-DD, the day the check was done. */
  @Property({ type: 'date' })
  @Field({ description: 'The day the check was done, YYYY-MM-DD.' })
  doneOn: string;

  /** YYYY-MM-DD, after doneOn: from this day on the check no longer counts. */
  @Property({ type: 'date' })
  @Field({ description: 'The day it stops counting, YYYY-MM-DD.' })
  expiresOn: string;

  /** The account that recorded it, and its name then (the name is what the school reads). */
  @Property({ type: 'string', length: 100 })
  recordedById: string;

  @Property({ type: 'string', length: 200 })
  recordedByName: string;

  @Property({ type: 'datetime' })
  @Field()
  recordedAt: Date = new Date();
}
