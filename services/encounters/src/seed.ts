import type { Orm } from '@waymark/subgraph-kit';
import { demoData } from '@waymark/demo-data';
import { Encounter, Participation } from './modules/encounter/encounter.entity.js';

/**
 * Seeds the demo encounters and registers into an empty database; does nothing otherwise. Written
 * as two multi-row inserts in one transaction rather than through the unit of work: it is ~2k rows.
 */
export async function seedDemo(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Encounter, {})) > 0) return;
  const data = demoData();
  const createdAt = new Date();
  await em.transactional(async (tx) => {
    await tx.insertMany(
      Encounter,
      data.encounters.map((encounter) => ({
        id: encounter.id,
        schoolId: encounter.schoolId,
        trustId: encounter.trustId,
        kind: encounter.kind,
        title: encounter.title,
        date: new Date(encounter.date),
        inSchoolDay: encounter.inSchoolDay,
        hours: encounter.hours,
        benchmarks: encounter.benchmarks,
        yearGroups: encounter.yearGroups,
        employerIds: encounter.employerIds,
        volunteerIds: encounter.volunteerIds,
        createdAt,
      })),
    );
    await tx.insertMany(
      Participation,
      data.participations.map((participation) => ({
        id: participation.id,
        encounter: participation.encounterId,
        pupilId: participation.pupilId,
        schoolId: participation.schoolId,
        trustId: participation.trustId,
        attended: participation.attended,
      })),
    );
  });
}
