import { isDataProtectionOfficer, isSchoolStaff, type Principal } from '@waymark/auth';
import { isUuid, permitSchools, type AuditAction, type RequestContext } from '@waymark/subgraph-kit';
import { relationTo } from '../pupil/pupil.access.js';
import { Pupil } from '../pupil/pupil.entity.js';

/** The field a pupil's subject-access export notes in the data access log (docs/audit-trail.md). */
export const SUBJECT_ACCESS_FIELD = 'subjectAccess';

/**
 * Who may export a pupil's data (docs/security.md, "The data protection lead"): a person signed in as
 * staff of the pupil's current school, or as that school's careers leader or data protection lead
 * (never an API key). A data protection lead gets nothing else of the pupil's record.
 */
export function mayExportPupil(principal: Principal, pupil: Pupil): boolean {
  if (principal.kind !== 'user') return false;
  return relationTo(principal, pupil) === 'staff' || isDataProtectionOfficer(principal, pupil.schoolId);
}

/**
 * The pupil of the caller's school with this id, when the caller may export their data; else null.
 * A data protection lead holds no staff scope, so their school's rows are opened to the request first
 * (they are checked to be its careers leader or data protection lead).
 */
export async function exportablePupil(ctx: RequestContext, pupilId: string): Promise<Pupil | null> {
  const { principal } = ctx;
  if (principal.kind !== 'user' || !principal.schoolId || !isUuid(pupilId)) return null;
  if (!isDataProtectionOfficer(principal) && !isSchoolStaff(principal)) return null;
  const schoolId = principal.schoolId;
  await permitSchools(ctx, [schoolId]);
  const pupil = await ctx.em.findOne(Pupil, { id: pupilId, schoolId });
  return pupil && mayExportPupil(principal, pupil) ? pupil : null;
}

/**
 * The caller's school, when the caller is its careers leader or data protection lead signed in as
 * themselves, with its rows opened to the request (a data protection lead holds no staff scope);
 * null for anyone else, and then nothing is opened. The one check behind the data access log, the
 * exports of parents and volunteers, and the log entries of pupils' exports.
 */
export async function openDataProtectionSchool(ctx: RequestContext): Promise<string | null> {
  const { principal } = ctx;
  if (!isDataProtectionOfficer(principal) || !principal.schoolId) return null;
  await permitSchools(ctx, [principal.schoolId]);
  return principal.schoolId;
}

/**
 * Whether a batch of another subgraph's audit entries is the caller's share of pupils' exports that
 * the caller may make: only EXPORT of `subjectAccess`, only about pupils at the caller's own school.
 * (A data protection lead sees no pupil otherwise, so `recordAuditEvents` asks this for them.)
 */
export async function areOwnSchoolExports(
  ctx: RequestContext,
  entries: readonly { pupilId: string; action: AuditAction; fields: string[] }[],
): Promise<boolean> {
  if (!entries.every((entry) => entry.action === 'EXPORT' && entry.fields.every((field) => field === SUBJECT_ACCESS_FIELD))) return false;
  const schoolId = await openDataProtectionSchool(ctx);
  if (!schoolId) return false;
  const ids = [...new Set(entries.map((entry) => entry.pupilId))];
  return (await ctx.em.count(Pupil, { id: { $in: ids }, schoolId })) === ids.length;
}
