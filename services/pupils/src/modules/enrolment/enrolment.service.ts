import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, loaderFor, pgArray, type RequestContext } from '@waymark/subgraph-kit';
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

/**
 * Marks pupils on roll at `schoolId` as left on `leftOn`: their latest period there, which their row
 * holds, ends that day and the row keeps the school (so the school still reads, and follows up, its
 * leaver). The one way a pupil leaves: a full roster's leavers, a rollover's Year 13 and a leader's
 * `markPupilLeft` all come here. Pupils already left, or at another school, are left alone; answers
 * how many it marked.
 */
export async function markLeft(em: EntityManager, schoolId: string, pupilIds: readonly string[], leftOn: string): Promise<number> {
  if (pupilIds.length === 0) return 0;
  const { affected } = await boundSql(em, 'update pupil set left_on = $1::date where school_id = $2 and left_on is null and id = any($3::uuid[])', [
    leftOn,
    schoolId,
    pgArray(pupilIds),
  ]);
  return affected;
}

/**
 * Undoes a leaving: the pupil's latest period at `schoolId` goes on as if they had never left (the
 * correction of a mistake, unlike a roster import bringing a leaver back, which starts a new period).
 * Answers whether the pupil was changed: not if they are on roll, or their row is another school's.
 */
export async function unmarkLeft(em: EntityManager, schoolId: string, pupilId: string): Promise<boolean> {
  const { affected } = await boundSql(em, 'update pupil set left_on = null where school_id = $1 and left_on is not null and id = $2', [schoolId, pupilId]);
  return affected === 1;
}
