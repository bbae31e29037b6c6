import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, isUuid, pgArray, type SubjectAccessPart } from '@waymark/subgraph-kit';

// What a person may have left at one school under their own account: comments, consent, and what the
// school's data access log recorded them doing. $1 is the account, $2 the school.
const SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Comments they wrote on pupils’ records',
    sql: 'select created_at, pupil_id, body, author_name, author_role from record_comment where author_id = $1 and school_id = $2 order by created_at',
  },
  {
    title: 'Consent they set',
    sql: `select id as pupil_id, destination_tracking, local_authority_sharing_opt_out, opt_out_by, consent_updated_at
      from pupil where consent_updated_by_id = $1 and school_id = $2 order by consent_updated_at`,
  },
  {
    title: 'What the school’s data access log recorded them doing',
    sql: `select e.occurred_at, e.action, array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields,
      e.actor_name, e.actor_roles, e.credential_kind from audit_event e where e.actor_account_id = $1 and e.school_id = $2 order by e.occurred_at`,
  },
];

/** Everything this subgraph holds about one person at one school, section by section. */
export async function personPupilsSubjectAccess(em: EntityManager, accountId: string, schoolId: string): Promise<SubjectAccessPart> {
  const sections = [];
  for (const section of SECTIONS) sections.push({ title: section.title, rows: (await boundSql(em, section.sql, [accountId, schoolId])).rows });
  return { source: 'pupils', sections };
}

/** Which of these pupils are at the school now. */
export async function pupilsAtSchool(em: EntityManager, pupilIds: readonly string[], schoolId: string): Promise<string[]> {
  const ids = pupilIds.filter(isUuid);
  if (ids.length === 0) return [];
  const { rows } = await boundSql<{ id: string }>(em, 'select id from pupil where id = any($1::uuid[]) and school_id = $2 order by id', [
    pgArray(ids),
    schoolId,
  ]);
  return rows.map((row) => row.id);
}
