import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Pupil } from '../pupil/pupil.entity.js';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { historyRule } from '../../row-security.js';

export type CommentAuthorRole = 'PARENT' | 'STAFF';

/** A note on a pupil's record from a linked parent or a member of staff. */
@Entity({ tableName: 'record_comment', ...tenantPolicy(historyRule('record_comment')) })
@Index({ properties: ['pupil', 'createdAt'] })
@Unique({ properties: ['authorId', 'idempotencyKey'] })
@ObjectType({ description: "A comment on a pupil's record." })
export class RecordComment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Pupil)
  pupil: Pupil;

  /** The pupil's school when the comment was written. */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'text' })
  @Field()
  body: string;

  @Property({ type: 'string' })
  authorId: string;

  @Property({ type: 'string' })
  @Field()
  authorName: string;

  @Property({ type: 'string', length: 10 })
  authorRole: CommentAuthorRole;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date;

  /** The author's key for this write: a retry with the same key gets this comment back instead of a copy. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey: string | null = null;
}
