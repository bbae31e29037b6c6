import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { tenantPolicy } from '@waymark/subgraph-kit';

/**
 * One grant or withdrawal of a trust analyst's pupil-level access: who made it and when. Rows are
 * only ever added, so the table is the trail of every change (docs/security.md, "Pupil-level access
 * for trust analysts"); `Account.pupilLevelAccess` holds the current answer the principal carries.
 * A trust's own rows, visible to that trust's analysts only.
 */
@Entity({ tableName: 'pupil_level_access_change', ...tenantPolicy({ kind: 'trust' }) })
@Index({ properties: ['accountId', 'changedAt'] })
@ObjectType({ description: "A grant or withdrawal of a trust analyst's pupil-level access." })
export class PupilLevelAccessChange {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  trustId: string;

  /** The analyst whose access changed. */
  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'True for a grant, false for a withdrawal.' })
  granted: boolean;

  /** The analyst who made the change. */
  @Property({ type: 'uuid' })
  changedById: string;

  /** Their name at the time, so the trail still reads the same if they later change it. */
  @Property({ type: 'string' })
  @Field({ description: 'The name of the analyst who made the change, as it was then.' })
  changedByName: string;

  @Property({ type: 'datetime' })
  @Field()
  changedAt: Date;
}
