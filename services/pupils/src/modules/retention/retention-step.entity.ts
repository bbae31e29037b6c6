import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/**
 * One subgraph's part of pseudonymising one leaver, recorded once that subgraph has answered that it
 * is done (docs/domain-rules.md, "Retention"). A leaver is pseudonymised when every subgraph has its
 * row here; a rerun of the retention job skips the steps already recorded. Only the job writes it.
 */
@Entity({ tableName: 'retention_step', ...tenantPolicy({ kind: 'pupilOnly' }) })
@Unique({ properties: ['pupilId', 'subgraph'] })
export class RetentionStep {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  /** identity, pupils, employers, encounters or destinations. */
  @Property({ type: 'string', length: 40 })
  subgraph: string;

  @Property({ type: 'datetime' })
  doneAt: Date;
}
