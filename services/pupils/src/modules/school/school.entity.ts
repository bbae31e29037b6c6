import { Entity, PrimaryKey, Property, Index } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'trust' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Trust {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'string' })
  @Field()
  name: string;
}

@Entity({ tableName: 'school' })
@ObjectType()
@Directive('@key(fields: "id")')
export class School {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'string' })
  @Field()
  name: string;

  /** The DfE unique reference number. */
  @Property({ type: 'string', unique: true })
  @Field()
  urn: string;

  @Property({ type: 'string' })
  @Field()
  localAuthority: string;
}
