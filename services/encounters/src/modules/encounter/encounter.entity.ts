import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENCOUNTER_KIND_KEYS, type EncounterKind } from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';

/** The kinds as a GraphQL enum: names and values are the keys of ENCOUNTER_KINDS. */
export const EncounterKindEnum = Object.fromEntries(ENCOUNTER_KIND_KEYS.map((kind) => [kind, kind])) as { [K in EncounterKind]: K };
registerEnumType(EncounterKindEnum, { name: 'EncounterKind' });

/**
 * A careers activity a school ran (a talk, a fair, a visit, a guidance meeting ...). `schoolId` and
 * `trustId` are on the row so every query can be scoped to the caller's tenant; employers and
 * volunteers live in the employers subgraph and are referenced by id only.
 */
@Entity({ tableName: 'encounter' })
@Index({ properties: ['schoolId', 'date'] })
@ObjectType()
@Directive('@key(fields: "id")')
export class Encounter {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Enum({ items: () => EncounterKindEnum })
  @Field(() => EncounterKindEnum)
  kind: EncounterKind;

  @Property({ type: 'string', length: 200 })
  @Field()
  title: string;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  date: Date;

  @Property({ type: 'boolean' })
  @Field()
  inSchoolDay: boolean;

  @Property({ type: 'double' })
  @Field(() => Float)
  hours: number;

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  benchmarks: number[];

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  yearGroups: number[];

  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  employerIds: string[];

  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  volunteerIds: string[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One pupil on an encounter's register. A pupil appears at most once per encounter. */
@Entity({ tableName: 'participation' })
@Unique({ properties: ['encounter', 'pupilId'] })
@Index({ properties: ['schoolId', 'pupilId'] })
@ObjectType()
export class Participation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  encounter: Encounter;

  @Index()
  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'boolean' })
  @Field()
  attended: boolean;
}

@ObjectType()
export class CreateEncounterResult {
  @Field(() => Encounter, { nullable: true })
  encounter: Encounter | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
