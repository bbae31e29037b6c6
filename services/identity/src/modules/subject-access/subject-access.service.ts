import type { EntityManager } from '@mikro-orm/sql';
import { readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

/*
 * Everything this subgraph holds about one person, read as stored, with one exception: secrets. The
 * password hash, the authenticator app's secret (and one being set up), recovery codes, and the hashes
 * of sign-in, device and pending sign-in tokens are named with what they are, never given: a copy of
 * them in a downloaded file would help nobody but someone trying to sign in as the person.
 */
const SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Your account',
    sql: `select id, email, display_name, roles, school_id, trust_id, pupil_id, volunteer_id, employer_id, pupil_level_access, created_at, disabled_at,
      awaiting_verification_since as waiting_for_email_confirmation_since,
      'Kept only in a scrambled form (a one-way hash) that cannot be turned back into your password, so it is not included' as password,
      case when mfa_secret is null then 'Not set up'
        else 'Set up. The secret your authenticator app shares with Waymark is kept, but not included' end as second_factor,
      mfa_enrolled_at as second_factor_set_up_at,
      case when mfa_pending_secret is null then null
        else 'Started but not finished. The secret offered to your app is kept, but not included' end as second_factor_being_set_up
      from account where id = $1`,
  },
  {
    title: 'Recovery codes',
    sql: `select (count(*) filter (where used_at is null))::int as not_used_yet, (count(*) filter (where used_at is not null))::int as used, max(created_at) as created_at,
      'Each code is kept only in a scrambled form (a one-way hash), so the codes are not included' as codes
      from recovery_code where account_id = $1 having count(*) > 0`,
  },
  {
    title: 'Devices you are signed in on',
    sql: 'select created_at as signed_in_at, last_seen_at, expires_at, user_agent from session where account_id = $1 order by created_at',
  },
  { title: 'Browsers you have signed in on before', sql: 'select last_sign_in_at from trusted_device where account_id = $1 order by last_sign_in_at' },
  { title: 'Sign-ins waiting for a code from your app', sql: 'select expires_at, failed_codes from pending_sign_in where account_id = $1 order by expires_at' },
  { title: 'Children you are linked to as a parent or carer', sql: 'select unnest(child_pupil_ids) as pupil_id from account where id = $1' },
  {
    title: 'API keys you created',
    sql: `select id, name, scopes, trust_id, created_at, revoked_at, last_used_at,
      'Kept only in a scrambled form (a one-way hash), so it is not included' as secret
      from api_credential where created_by_id = $1 order by created_at`,
  },
  {
    title: 'Webhook endpoints you registered',
    sql: `select id, url, events, scopes, api_credential_id, trust_id, created_at, disabled_at,
      'Kept encrypted so Waymark can sign each delivery, but not included' as signing_secret
      from webhook_endpoint where created_by_id = $1 order by created_at`,
  },
  {
    title: 'What you told us when you signed up to volunteer',
    sql: `select kind, status, job_title, organisation_name, sector, size_band, postcode, website, claimed_school_id as school_id, school_name, year_left, created_at
      from volunteer_sign_up where account_id = $1`,
  },
  {
    title: 'Links we have emailed you that are not used yet',
    sql: `select purpose, created_at, expires_at,
      'Kept only in a scrambled form (a one-way hash), so it is not included' as link
      from email_token where account_id = $1 order by created_at`,
  },
  {
    title: 'Second-factor rules you set for a school or trust',
    sql: 'select organisation_id, required, changed_at from second_factor_policy where changed_by_id = $1',
  },
];

/** Everything the identity subgraph holds about one account, section by section. */
export function identitySubjectAccess(em: EntityManager, accountId: string): Promise<SubjectAccessPart> {
  return readSubjectAccess(em, 'identity', SECTIONS, accountId);
}
