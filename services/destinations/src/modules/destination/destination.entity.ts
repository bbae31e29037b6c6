import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  DESTINATION_KINDS,
  DESTINATION_STAGES,
  type DestinationKind as DomainDestinationKind,
  type DestinationStage as DomainDestinationStage,
} from '@waymark/domain';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

// Built from the domain's lists so the GraphQL enums and the check constraints cannot drift from them.
export const DestinationStage = enumOf(DESTINATION_STAGES);
export type DestinationStage = DomainDestinationStage;
registerEnumType(DestinationStage, { name: 'DestinationStage' });

export const DestinationKind = enumOf(Object.keys(DESTINATION_KINDS) as DomainDestinationKind[]);
export type DestinationKind = DomainDestinationKind;
registerEnumType(DestinationKind, { name: 'DestinationKind' });

/**
 * Where a young person means to go or went: intended (Years 11 and 13), immediate (the September
 * after leaving), then at one, two and three years. `schoolId` and `trustId` are on the row so
 * every query can be scoped to the caller's tenant.
 */
@Entity({ tableName: 'destination', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Index({ properties: ['schoolId', 'stage'] })
@Index({ properties: ['trustId', 'stage'] })
@ObjectType()
@Directive('@key(fields: "id")')
export class Destination {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Enum({ items: () => DestinationStage })
  @Field(() => DestinationStage)
  stage: DestinationStage;

  @Enum({ items: () => DestinationKind })
  @Field(() => DestinationKind)
  kind: DestinationKind;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  provider: string | null;

  @Property({ type: 'date' })
  @Field(() => String)
  recordedOn: string;
}

@ObjectType({ description: 'How many leavers went to one kind of destination.' })
export class DestinationCount {
  @Field(() => DestinationKind)
  kind: DestinationKind;

  @Field()
  kindLabel: string;

  @Field(() => Int)
  count: number;
}
