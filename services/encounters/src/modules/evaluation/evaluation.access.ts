import { hasRole, type Principal } from '@waymark/auth';
import { scopeOf } from '@waymark/subgraph-kit';
import type { EntityManager } from '@mikro-orm/sql';
import { Encounter } from '../encounter/encounter.entity.js';
import type { Audience } from './evaluation.rules.js';

/*
 * Who may give feedback on a school's careers programme (docs/security.md, "Feedback on the careers
 * programme"). Only people signed in answer: never an API key or the gateway.
 */

/** The school a careers leader opens and closes surveys of: their own; null for everyone else. */
export function managedSchool(principal: Principal): string | null {
  const scope = scopeOf(principal);
  return principal.kind === 'user' && scope.kind === 'school' && hasRole(principal, 'careers_leader') ? scope.schoolId : null;
}

/** The school whose results a caller reads: staff, careers advisers and careers leaders their own; null for everyone else (trust analysts included). */
export function resultsSchool(principal: Principal): string | null {
  const scope = scopeOf(principal);
  return scope.kind === 'school' ? scope.schoolId : null;
}

/** The pupil who rates: a pupil signed in as themself; null for everyone else (parents included). */
export function ratingPupil(principal: Principal): string | null {
  const scope = scopeOf(principal);
  return principal.kind === 'user' && scope.kind === 'pupil' ? scope.pupilId : null;
}

export interface Answerer {
  audience: Audience;
  schoolIds: string[];
}

/**
 * Which surveys a caller answers: staff their own school's staff survey; a parent or carer with a linked
 * child the parents' survey of the school that linked them; a volunteer the employers' survey of every
 * school where they have delivered an encounter (one listing them that has started). A person can be
 * more than one (a member of staff who is also a parent).
 */
export async function answererOf(principal: Principal, em: EntityManager, now: Date): Promise<Answerer[]> {
  if (principal.kind !== 'user') return [];
  const answerers: Answerer[] = [];
  const scope = scopeOf(principal);
  if (scope.kind === 'school') answerers.push({ audience: 'STAFF', schoolIds: [scope.schoolId] });
  if (hasRole(principal, 'parent') && principal.schoolId && principal.childPupilIds.length > 0)
    answerers.push({ audience: 'PARENTS', schoolIds: [principal.schoolId] });
  if (scope.kind === 'volunteer') {
    const delivered = await em.find(
      Encounter,
      { volunteerIds: { $contains: [scope.volunteerId] }, date: { $lte: now } },
      { fields: ['schoolId'], orderBy: { schoolId: 'asc' } },
    );
    const schoolIds = [...new Set(delivered.map((encounter) => encounter.schoolId))];
    if (schoolIds.length > 0) answerers.push({ audience: 'EMPLOYERS', schoolIds });
  }
  return answerers;
}

export function mayAnswer(answerers: readonly Answerer[], survey: { audience: Audience; schoolId: string }): boolean {
  return answerers.some((a) => a.audience === survey.audience && a.schoolIds.includes(survey.schoolId));
}
