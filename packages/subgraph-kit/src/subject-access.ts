import type { EntityManager } from '@mikro-orm/sql';
import { isDataProtectionOfficer, type Principal } from '@waymark/auth';
import { scopeOf } from './authorize.js';
import type { RequestContext } from './context.js';
import { querySubgraph } from './entities.js';
import { AccessError } from './errors.js';
import { isUuid } from './ids.js';
import { MayExportPupilDataDocument } from './pupils-calls.generated.js';
import { currentPupilIds } from './record-access.js';
import { permitPupils } from './tenancy.js';
import type { ReferenceResolver } from './reference.js';
import { boundSql } from './sql.js';

/*
 * A subject-access export gathers everything Waymark holds about one person from every subgraph in
 * one request through the gateway: each subgraph answers a field of its own on the federated entity
 * (`Pupil.pupilsSubjectAccess`, `Pupil.encountersSubjectAccess`, …) with the rows it holds, section
 * by section, as stored.
 */

export interface SubjectAccessSection {
  title: string;
  rows: Record<string, unknown>[];
}

export interface SubjectAccessPart {
  source: string;
  sections: SubjectAccessSection[];
}

/** Runs each section's statement (its one parameter, $1, is the person's id) and gathers the rows. */
export async function readSubjectAccess(
  em: EntityManager,
  source: string,
  sections: readonly { title: string; sql: string }[],
  id: string,
): Promise<SubjectAccessPart> {
  const read: SubjectAccessSection[] = [];
  for (const section of sections) read.push({ title: section.title, rows: (await boundSql(em, section.sql, [id])).rows });
  return { source, sections: read };
}

/**
 * Whether the caller is staff of the pupil's current school, asked of the pupils subgraph with the
 * caller's own credential (a subgraph without pupils cannot tell a current school from a former one).
 */
async function isCurrentSchoolStaff(ctx: RequestContext, pupilsUrl: string, pupilId: string): Promise<boolean> {
  if (scopeOf(ctx.principal).kind !== 'school' || !isUuid(pupilId)) return false;
  return (await currentPupilIds(ctx, pupilsUrl, [pupilId])).has(pupilId);
}

/**
 * Whether the caller may export a pupil's data: a person signed in as staff of the pupil's current
 * school, or as that school's data protection lead (docs/security.md, "The data protection lead").
 * A lead holds no staff scope and sees no pupil otherwise, so the pupils subgraph is asked
 * (`mayExportPupilData`, with the caller's own credential), and the pupil's rows are opened to the
 * request once it says yes.
 */
export async function mayExportPupil(ctx: RequestContext, pupilsUrl: string, pupilId: string): Promise<boolean> {
  const { principal } = ctx;
  if (principal.kind !== 'user' || !isUuid(pupilId)) return false;
  if (scopeOf(principal).kind === 'school') return isCurrentSchoolStaff(ctx, pupilsUrl, pupilId);
  if (!isDataProtectionOfficer(principal)) return false;
  const { mayExportPupilData } = await querySubgraph(ctx, pupilsUrl, 'Subject-access check', MayExportPupilDataDocument, { pupilId });
  if (mayExportPupilData !== true) return false;
  await permitPupils(ctx, [pupilId]);
  return true;
}

/*
 * A person's own export ("Download my data"): each subgraph adds a field to the federated `Account`
 * (`Account.identitySubjectAccess`, `Account.pupilsSubjectAccess`, …) with the rows it holds about
 * the signed-in person. Only that person may read them: not staff, not analysts, not platform admins,
 * not the gateway. The entity's reference resolver refuses every other account, and each field checks
 * again, so neither `_entities` nor a field reached some other way (a mutation answering with another
 * person's account) lets anyone else in.
 */

/** The field an own export notes in the data access log (docs/audit-trail.md). */
export const OWN_SUBJECT_ACCESS_FIELD = 'ownSubjectAccess';

/** Whether the account is the signed-in person's own. */
export function isOwnAccount(principal: Principal, accountId: string): boolean {
  return principal.kind === 'user' && isUuid(accountId) && principal.accountId === accountId;
}

/** Throws FORBIDDEN unless the account is the signed-in person's own. */
export function requireOwnAccount(principal: Principal, accountId: string): void {
  if (!isOwnAccount(principal, accountId)) throw AccessError.forbidden('Only the person themself can download their own data.');
}

/** `_entities` for Account where a subgraph adds a person's own export: the caller's own account, or FORBIDDEN. */
export const resolveOwnAccountReference: ReferenceResolver = async (reference, ctx) => {
  requireOwnAccount(ctx.principal, reference.id);
  return { id: reference.id };
};

/** Puts several reads of the same subgraph (one per way the person is known to it) into one part. */
export function joinParts(source: string, parts: readonly SubjectAccessPart[]): SubjectAccessPart {
  return { source, sections: parts.flatMap((part) => part.sections) };
}
