import type { EntityManager } from '@mikro-orm/sql';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of pseudonymising a leaver (docs/domain-rules.md, "Retention"): their own
 * sign-in account keeps its id, roles, school and trust but loses its email (replaced by an address
 * that cannot receive mail), name, password, second factor and every session, remembered browser,
 * pending sign-in, recovery code and emailed link, and is disabled; parents' and carers' accounts
 * lose their link to the pupil. Each statement changes nothing the second time.
 */
const STATEMENTS = [
  `delete from session where account_id in (select id from account where pupil_id = $1)`,
  `delete from trusted_device where account_id in (select id from account where pupil_id = $1)`,
  `delete from pending_sign_in where account_id in (select id from account where pupil_id = $1)`,
  `delete from recovery_code where account_id in (select id from account where pupil_id = $1)`,
  `delete from email_token where account_id in (select id from account where pupil_id = $1)`,
  `update account set email = 'former-pupil-' || id || '@pseudonymised.invalid', display_name = '${PSEUDONYMISED.name}', password_hash = '!',
     mfa_secret = null, mfa_pending_secret = null, mfa_enrolled_at = null, disabled_at = coalesce(disabled_at, now())
   where pupil_id = $1 and display_name <> '${PSEUDONYMISED.name}'`,
  `update account set child_pupil_ids = array_remove(child_pupil_ids, $1::uuid) where $1::uuid = any(child_pupil_ids)`,
];

/** Pseudonymises one pupil's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function pseudonymisePupilRows(em: EntityManager, pupilId: string): Promise<void> {
  for (const sql of STATEMENTS) await boundSql(em, sql, [pupilId]);
}
