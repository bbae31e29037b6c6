import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { boundSql, isUuid, joinParts, pgArray, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { pupilsSubjectAccess } from './subject-access.service.js';

// What anyone may have left here under their own account: comments, consent, and the entries the
// data access log holds about things they did (without the pupils those entries name).
const AUTHORED: { title: string; sql: string }[] = [
  {
    title: 'Comments you wrote',
    sql: 'select created_at, pupil_id, body, author_name, author_role, school_id from record_comment where author_id = $1 order by created_at',
  },
  {
    title: 'Consent you set',
    sql: 'select id as pupil_id, destination_tracking, local_authority_sharing_opt_out, opt_out_by, consent_updated_at from pupil where consent_updated_by_id = $1 order by consent_updated_at',
  },
  {
    title: 'What data access logs recorded you doing',
    sql: `select e.occurred_at, e.action, array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields,
      e.actor_name, e.actor_roles, e.credential_kind, e.school_id from audit_event e where e.actor_account_id = $1 order by e.occurred_at`,
  },
];

// A parent's children: their names only. Each child's own record is theirs to ask for.
const CHILDREN = `select id as pupil_id, legal_forename, legal_surname, preferred_name from pupil where id = any($1::uuid[])
  order by legal_surname, legal_forename, id`;

export interface OwnSubjectAccess {
  part: SubjectAccessPart;
  /** The pupils whose school's data access log records this export: every pupil it names. */
  recordedFor: string[];
}

/**
 * Everything the pupils subgraph holds about the signed-in person: for a pupil, their own record as
 * the staff export has it; for a parent, their linked children's names; for anyone, what they wrote or set.
 */
export async function ownSubjectAccess(em: EntityManager, principal: Principal): Promise<OwnSubjectAccess> {
  const parts: SubjectAccessPart[] = [];
  const recordedFor: string[] = [];
  if (hasRole(principal, 'pupil') && principal.pupilId && isUuid(principal.pupilId)) {
    const record = await pupilsSubjectAccess(em, principal.pupilId);
    parts.push(record);
    if (record.sections[0].rows.length > 0) recordedFor.push(principal.pupilId);
  }
  const children = hasRole(principal, 'parent') ? principal.childPupilIds.filter(isUuid) : [];
  if (children.length > 0) {
    const { rows } = await boundSql<{ pupil_id: string }>(em, CHILDREN, [pgArray(children)]);
    parts.push({ source: 'pupils', sections: [{ title: 'Your children (their names only)', rows }] });
    recordedFor.push(...rows.map((row) => row.pupil_id));
  }
  const authored = await readSubjectAccess(em, 'pupils', AUTHORED, principal.accountId);
  parts.push(authored);
  // A comment or consent names the pupil it is about (staff write about many): each of them is recorded too.
  for (const section of authored.sections) for (const row of section.rows) if (typeof row.pupil_id === 'string') recordedFor.push(row.pupil_id);
  return { part: joinParts('pupils', parts), recordedFor: [...new Set(recordedFor)] };
}
