import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { LeaderState } from './self-evaluation.rules.js';

/** A careers leader's own answer to one assessment area of their school's self-evaluation, with who gave it and when. */
@Entity({ tableName: 'self_evaluation_override', ...tenantPolicy({ kind: 'school', trust: false }) })
@Unique({ properties: ['schoolId', 'areaKey'] })
@Index({ properties: ['schoolId'] })
export class SelfEvaluationOverride {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'text' })
  areaKey: string;

  @Property({ type: 'text' })
  state: LeaderState;

  @Property({ type: 'text' })
  reason: string;

  /** The account that gave the answer, and its name as it was then. */
  @Property({ type: 'text' })
  setByAccountId: string;

  @Property({ type: 'text' })
  setByName: string;

  @Property({ type: 'datetime' })
  setAt: Date;
}
