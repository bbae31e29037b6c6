import type { EntityManager } from '@mikro-orm/sql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import type { Pupil } from '../pupil/pupil.entity.js';
import { Enrolment } from './enrolment.entity.js';

/** Each pupil's past periods (`enrolment` rows), oldest first, in one statement for a batch of pupils. */
export async function pastEnrolmentsOf(em: EntityManager, pupilIds: readonly string[]): Promise<Map<string, Enrolment[]>> {
  const rows = await em.find(Enrolment, { pupil: { $in: [...pupilIds] } }, { orderBy: { startedOn: 'asc', id: 'asc' } });
  const byPupil = new Map<string, Enrolment[]>(pupilIds.map((id) => [id, []]));
  for (const row of rows) byPupil.get(row.pupil.id)?.push(row);
  return byPupil;
}

/** The pupil's latest period, which their own row holds (see Pupil). */
export function latestEnrolment(pupil: Pupil): Enrolment {
  return Object.assign(new Enrolment(), { pupil, schoolId: pupil.schoolId, trustId: pupil.trustId, startedOn: pupil.enrolledOn, leftOn: pupil.leftOn });
}

/** Every period of the pupil, oldest first; the past ones through the request's batched loader (one statement per tick). */
export async function loadEnrolments(ctx: RequestContext, pupil: Pupil): Promise<Enrolment[]> {
  const past = await loaderFor<Enrolment[]>(ctx, 'enrolments', async (ids) => {
    const byPupil = await pastEnrolmentsOf(ctx.em, ids);
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupil.id);
  // Stable: the latest period stays after a past one that began the same day.
  return [...(past ?? []), latestEnrolment(pupil)].sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
}
