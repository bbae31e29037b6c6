import type { EntityManager } from '@mikro-orm/sql';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * The pupils subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): the
 * name, UPN, exact birthday, tutor group, home local authority, postal address and parent's or carer's name and address
 * go, and so do the words of comments about them and their
 * own name in the data access log, and so does the name of a parent or carer in either place (who last
 * changed their consent, who read their record): a parent's name tells whose family it was. Staff's
 * names in the log stay; the school answers for its staff's reading. The id, school, trust, year group, dates on roll, vulnerable and
 * target groups and consent stay, so every figure counts them as before. The birthday becomes the
 * 1 September that opens their school year of birth, so the year they finished Year 11 (which the
 * destination figures work out from it) is unchanged. Each statement is a no-op the second time.
 */
const STATEMENTS = [
  `update pupil set legal_forename = 'Former', legal_surname = 'pupil', preferred_name = null, tutor_group = null, home_la_code = null,
     address_line1 = null, address_line2 = null, address_town = null, address_postcode = null,
     parent_carer_name = null, parent_carer_same_address = false, parent_carer_address_line1 = null, parent_carer_address_line2 = null,
     parent_carer_address_town = null, parent_carer_address_postcode = null,
     upn = 'x' || left(replace(id::text, '-', ''), 12),
     date_of_birth = make_date(extract(year from date_of_birth)::int - (extract(month from date_of_birth) < 9)::int, 9, 1)
   where id = $1`,
  `update pupil set consent_updated_by = '${PSEUDONYMISED.otherName}' where id = $1 and consent_updated_by <> '${PSEUDONYMISED.otherName}'`,
  `update record_comment set body = '${PSEUDONYMISED.text}' where pupil_id = $1 and body <> '${PSEUDONYMISED.text}'`,
  `update audit_event set actor_name = '${PSEUDONYMISED.name}' where pupil_id = $1 and actor_roles like '%pupil%' and actor_name <> '${PSEUDONYMISED.name}'`,
  `update audit_event set actor_name = '${PSEUDONYMISED.otherName}'
   where pupil_id = $1 and actor_roles like '%parent%' and actor_roles not like '%pupil%' and actor_name <> '${PSEUDONYMISED.otherName}'`,
];

/** Pseudonymises one pupil's rows in this subgraph; the em must be allowed to write them (a system access). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
