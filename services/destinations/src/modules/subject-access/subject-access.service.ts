import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

// Everything this subgraph holds about one pupil: the destinations recorded for them, as stored.
const DESTINATIONS = 'select * from destination where pupil_id = $1 order by recorded_on';

/** A pupil's part of the staff export (`Pupil.destinationsSubjectAccess`). */
export function pupilDestinationsSubjectAccess(em: EntityManager, pupilId: string): Promise<SubjectAccessPart> {
  return readSubjectAccess(em, 'destinations', [{ title: 'Destinations', sql: DESTINATIONS }], pupilId);
}

/** The id of the pupil the signed-in person is, if they are one. */
export function ownPupilId(principal: Principal): string | null {
  return hasRole(principal, 'pupil') && isUuid(principal.pupilId) ? principal.pupilId : null;
}

/** Everything this subgraph holds about the signed-in person: a pupil's own destinations; nothing about anyone else. */
export async function ownDestinationsSubjectAccess(em: EntityManager, principal: Principal): Promise<SubjectAccessPart> {
  const pupilId = ownPupilId(principal);
  if (!pupilId) return { source: 'destinations', sections: [] };
  return readSubjectAccess(em, 'destinations', [{ title: 'Your plans and destinations after school', sql: DESTINATIONS }], pupilId);
}
