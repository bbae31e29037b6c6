import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import type { VulnerableGroupCode } from '@waymark/domain';
import { Pupil } from '../pupil/pupil.entity.js';
import { VulnerableGroupEnum } from '../pupil/vulnerable-group.js';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { historyRule } from '../../row-security.js';
import { FLAG_CHANGE_COHORT_VERSION_TRIGGERS } from '../cohort/cohort-version.entity.js';

export type FlagChangeSource = 'IMPORT' | 'STAFF' | 'ROLLOVER';

/**
 * One change of one vulnerable-group flag. As sensitive as the flags themselves: only staff of the
 * pupil's current school read them, and the history travels with the pupil when they move.
 */
@Entity({ tableName: 'flag_change', triggers: FLAG_CHANGE_COHORT_VERSION_TRIGGERS, ...tenantPolicy(historyRule('flag_change')) })
@Index({ properties: ['pupil', 'changedAt'] })
@ObjectType({ description: 'A change to one vulnerable-group flag.' })
export class FlagChange {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Pupil)
  pupil: Pupil;

  /** The school the pupil was at when the flag changed. */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Enum({ items: () => VulnerableGroupEnum })
  @Field(() => VulnerableGroupEnum)
  group: VulnerableGroupCode;

  @Property({ type: 'boolean' })
  @Field()
  value: boolean;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  changedAt: Date;

  @Property({ type: 'string', length: 10 })
  @Field(() => String, { description: 'IMPORT, STAFF or ROLLOVER.' })
  source: FlagChangeSource;

  /** The account (person or API credential) that made the change. */
  @Property({ type: 'string', nullable: true })
  changedById: string | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: "Who made the change: a member of staff, or the import's author." })
  changedBy: string | null;
}
