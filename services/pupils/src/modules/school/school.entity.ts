import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Index } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MutationError, tenantPolicy } from '@waymark/subgraph-kit';

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

@Entity({ tableName: 'school', ...tenantPolicy({ kind: 'staff', trust: true, schoolColumn: 'id' }, { readableByAll: true }) })
@ObjectType()
@Directive('@key(fields: "id")')
export class School {
  [OptionalProps]?: 'parentAccessEnabled';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** Shareable: the encounters subgraph hands it back on a school's dashboard (`@provides`), from the cohort call it makes anyway. */
  @Property({ type: 'string' })
  @Field()
  @Directive('@shareable')
  name: string;

  /** The DfE unique reference number. */
  @Property({ type: 'string', unique: true })
  @Field()
  urn: string;

  @Property({ type: 'string' })
  @Field()
  localAuthority: string;

  /** Whether linked parents and carers may read their child's record (and comment); the careers leader decides. */
  @Property({ type: 'boolean', default: false })
  parentAccessEnabled = false;
}

@ObjectType()
export class SetParentAccessResult {
  @Field(() => School, { nullable: true })
  school: School | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
