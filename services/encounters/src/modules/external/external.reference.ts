import { isDataProtectionOfficer } from '@waymark/auth';
import { isUuid, resolveOwnAccountReference, type ReferenceResolver } from '@waymark/subgraph-kit';
import { canSeeEngagementsOf, canSeeParticipationsOf, encounterTenant } from '../encounter/encounter.access.js';
import { Pupil, School, Volunteer, stubOf } from './external.entity.js';

/*
 * Another subgraph's entity resolves here only when the caller may see something this subgraph adds
 * to it; the fields themselves then return only the rows in the caller's scope. Deciding needs no
 * SQL: the rules depend on who asks, not on the rows. A Pupil resolves for its own pupil, staff,
 * trust analysts with pupil-level access and a linked parent; `participations` then asks the pupils
 * subgraph how much of the pupil's history each of them may read. It also resolves for a school's
 * data protection lead, for `encountersSubjectAccess` alone: that field asks the pupils subgraph
 * whether the pupil is at the lead's school, and every other field gives a lead nothing (they get
 * no record access).
 */

export const resolvePupilReference: ReferenceResolver = async ({ id }, ctx) =>
  canSeeParticipationsOf(ctx.principal, id) || (isDataProtectionOfficer(ctx.principal) && isUuid(id)) ? stubOf(Pupil, id) : null;

export const resolveVolunteerReference: ReferenceResolver = async ({ id }, ctx) => (canSeeEngagementsOf(ctx.principal, id) ? stubOf(Volunteer, id) : null);

export const resolveSchoolReference: ReferenceResolver = async ({ id }, ctx) => {
  const scope = encounterTenant(ctx.principal);
  if (!scope || ('schoolId' in scope && scope.schoolId !== id)) return null;
  return stubOf(School, id);
};

/** An Account resolves only for the person themself: all this subgraph adds to it is their own export. */
export const resolveAccountReference: ReferenceResolver = resolveOwnAccountReference;
