import type { Orm } from '@waymark/subgraph-kit';
import { demoData, type DemoOptions } from '@waymark/demo-data';
import { Destination } from './modules/destination/destination.entity.js';

/** Seeds the demo pupils' intended and immediate destinations into an empty database; does nothing otherwise. */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Destination, {})) > 0) return;
  for (const destination of demoData(new Date(), options).destinations) {
    em.create(Destination, {
      id: destination.id,
      pupilId: destination.pupilId,
      schoolId: destination.schoolId,
      trustId: destination.trustId,
      stage: destination.stage,
      kind: destination.kind,
      provider: destination.provider,
      recordedOn: destination.recordedOn,
    });
  }
  await em.flush();
}
