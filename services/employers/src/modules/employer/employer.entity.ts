import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Employers, and the education and training providers Benchmark 7 asks pupils to meet. */
export enum OrganisationKind {
  EMPLOYER = 'EMPLOYER',
  FE_COLLEGE = 'FE_COLLEGE',
  UNIVERSITY = 'UNIVERSITY',
  TRAINING_PROVIDER = 'TRAINING_PROVIDER',
  APPRENTICESHIP_PROVIDER = 'APPRENTICESHIP_PROVIDER',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** An organisation that works with schools. Public: no school owns it, so it carries no tenant. */
@Entity({ tableName: 'employer' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Employer {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'string' })
  @Field()
  name: string;

  @Property({ type: 'string' })
  @Field()
  sector: string;

  @Enum({ items: () => OrganisationKind })
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  postcode: string | null;
}
