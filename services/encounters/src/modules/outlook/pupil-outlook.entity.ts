import { tenantPolicy } from '@waymark/subgraph-kit';
import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OUTLOOK_FACT_COLUMNS, factVersionTriggers } from '../benchmarks/dashboard-answer.entity.js';

/**
 * What a pupil is interested in (hashtags that filter what they see) and whether they are
 * considering higher education (Benchmark 7 by 18 asks two university visits of those who are).
 */
@Entity({
  tableName: 'pupil_outlook',
  triggers: factVersionTriggers('pupil_outlook', OUTLOOK_FACT_COLUMNS, 'pupil_id'),
  ...tenantPolicy({ kind: 'pupilOnly' }),
})
export class PupilOutlook {
  [OptionalProps]?: 'interests' | 'consideringHigherEducation' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  pupilId: string;

  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  interests: string[] = [];

  @Property({ type: 'boolean', default: false })
  consideringHigherEducation: boolean = false;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
