import type { EntityManager } from '@mikro-orm/sql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { Enrolment } from './enrolment.entity.js';

/** Each pupil's enrolments, oldest first, in one statement for a batch of pupils. */
export async function enrolmentsOf(em: EntityManager, pupilIds: readonly string[]): Promise<Map<string, Enrolment[]>> {
  const rows = await em.find(Enrolment, { pupil: { $in: [...pupilIds] } }, { orderBy: { startedOn: 'asc', id: 'asc' } });
  const byPupil = new Map<string, Enrolment[]>(pupilIds.map((id) => [id, []]));
  for (const row of rows) byPupil.get(row.pupil.id)?.push(row);
  return byPupil;
}

/** The request's batched loader: every pupil resolved in one tick costs one statement. */
export async function loadEnrolments(ctx: RequestContext, pupilId: string): Promise<Enrolment[]> {
  const rows = await loaderFor<Enrolment[]>(ctx, 'enrolments', async (ids) => {
    const byPupil = await enrolmentsOf(ctx.em, ids);
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupilId);
  return rows ?? [];
}
