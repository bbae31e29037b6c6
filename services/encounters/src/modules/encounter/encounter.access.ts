import type { FilterQuery } from '@mikro-orm/core';
import type { Principal } from '@waymark/auth';
import { pupilRecordRoute, scopeOf } from '@waymark/subgraph-kit';
import type { Encounter } from './encounter.entity.js';

/**
 * The encounters a caller may read at all, as a filter every query starts from; null when the
 * caller may read none. Staff: their school's. Analysts: their trust's. A pupil: the ones they are
 * on the register of (`registeredIn` is that sub-query). A volunteer: the ones they are listed on.
 */
export function visibleEncounters(principal: Principal, registeredIn: (pupilId: string) => FilterQuery<Encounter>): FilterQuery<Encounter> | null {
  const tenant = encounterTenant(principal);
  if (tenant) return tenant;
  const scope = scopeOf(principal);
  switch (scope.kind) {
    case 'pupil':
      return registeredIn(scope.pupilId);
    case 'volunteer':
      return { volunteerIds: { $contains: [scope.volunteerId] } };
    default:
      return null;
  }
}

/** Whether a caller may see any register rows of a pupil (the same rule, for one pupil). */
export function canSeeParticipationsOf(principal: Principal, pupilId: string): boolean {
  return pupilRecordRoute(principal, pupilId) !== null;
}

/** An encounter's full register: staff of the encounter's school only. */
export function canSeeRegister(principal: Principal, encounter: Encounter): boolean {
  const scope = scopeOf(principal);
  return scope.kind === 'school' && scope.schoolId === encounter.schoolId;
}

/**
 * Whose engagements a caller may list: the volunteer their own (at any school), staff those at their
 * own school. Null when none.
 */
export function visibleEngagements(principal: Principal): { volunteerId: string } | { schoolId: string } | null {
  const scope = scopeOf(principal);
  if (scope.kind === 'volunteer') return { volunteerId: scope.volunteerId };
  if (scope.kind === 'school') return { schoolId: scope.schoolId };
  return null;
}

export function canSeeEngagementsOf(principal: Principal, volunteerId: string): boolean {
  const visible = visibleEngagements(principal);
  if (!visible) return false;
  return 'schoolId' in visible || visible.volunteerId === volunteerId;
}

/**
 * The tenant whose encounters staff and analysts read, list and count: staff their own school's, a
 * trust analyst their trust's rows at any school; null for everyone else. This subgraph cannot tell
 * which trust a school with no encounters belongs to, so for analysts such a school has no count
 * (null), as any school outside their trust.
 */
export function encounterTenant(principal: Principal): { schoolId: string } | { trustId: string } | null {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return { schoolId: scope.schoolId };
  if (scope.kind === 'trust') return { trustId: scope.trustId };
  return null;
}
