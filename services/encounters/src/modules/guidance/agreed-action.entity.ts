import { tenantPolicy } from '@waymark/subgraph-kit';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Encounter } from '../encounter/encounter.entity.js';

/** A next step agreed in a personal guidance meeting; the pupil sees it and can mark it done. */
@Entity({
  tableName: 'agreed_action',
  ...tenantPolicy({ kind: 'pupilOnly', extra: ['exists (select 1 from "encounter" e where e."id" = "agreed_action"."meeting_id")'] }),
})
@Index({ properties: ['pupilId'] })
@ObjectType()
export class AgreedAction {
  [OptionalProps]?: 'dueOn' | 'doneAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  meeting: Encounter;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'text' })
  @Field()
  text: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  dueOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  doneAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}
