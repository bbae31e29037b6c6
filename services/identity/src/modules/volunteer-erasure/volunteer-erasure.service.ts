import type { EntityManager } from '@mikro-orm/sql';
import { hashToken } from '@waymark/auth';
import { ERASED_VOLUNTEER } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { confirmPassword } from '../account/account.password.js';
import { Session } from '../session/session.entity.js';
import { VolunteerErasure, VolunteerErasureStep } from './volunteer-erasure.entity.js';

/** The subgraphs the gateway asks, in this order, before identity erases its own part. */
export const ERASURE_SUBGRAPHS = ['employers', 'encounters', 'destinations'] as const;
export type ErasureSubgraph = (typeof ERASURE_SUBGRAPHS)[number];

const VOLUNTEER_ROLES = new Set(['employer_volunteer', 'alumni']);

export type ErasureRequestOutcome =
  | { ok: true; accountId: string; volunteerId: string }
  | { ok: false; reason: 'signed-out' | 'not-a-volunteer' | 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/** The rows a request ends at once: nobody can sign in as them, or stay signed in, from here on. */
const SIGN_OUT_EVERYWHERE = [
  'delete from session where account_id = $1',
  'delete from pending_sign_in where account_id = $1',
  'delete from email_token where account_id = $1',
  'delete from trusted_device where account_id = $1',
];

/*
 * Identity's own part, done last: the account keeps its id, roles and volunteer id (so the steps
 * recorded still point at it) but loses its email (an address that cannot receive mail takes its
 * place), name, password and second factor, and what they said at sign-up and its outbox row go.
 * Each statement changes nothing the second time.
 */
const ERASE_ACCOUNT = [
  ...SIGN_OUT_EVERYWHERE,
  'delete from recovery_code where account_id = $1',
  'delete from volunteer_sign_up where account_id = $1',
  'delete from volunteer_provisioning where account_id = $1',
  `update account set email = 'former-volunteer-' || id || '@erased.invalid', display_name = '${ERASED_VOLUNTEER.firstName} ${ERASED_VOLUNTEER.lastName}',
     password_hash = '!', mfa_secret = null, mfa_pending_secret = null, mfa_enrolled_at = null, disabled_at = coalesce(disabled_at, now())
   where id = $1 and email <> 'former-volunteer-' || id || '@erased.invalid'`,
];

/**
 * A signed-in volunteer asks to delete their account: only the session's own account, only a
 * volunteer's (an employer volunteer or a former pupil, with no other role), and only with their
 * password, checked as at sign-in (slowed the same way). Then, in the caller's transaction: the
 * request is written (once: asking again keeps the first), the account is disabled and every
 * session and pending sign-in ends.
 */
export async function requestVolunteerErasure(em: EntityManager, token: string, password: string, now: Date): Promise<ErasureRequestOutcome> {
  const session = token ? await em.findOne(Session, { tokenHash: hashToken(token), expiresAt: { $gt: now } }) : null;
  const account = session ? await em.findOne(Account, { id: session.accountId, disabledAt: null }) : null;
  if (!account) return { ok: false, reason: 'signed-out' };
  if (!account.volunteerId || account.roles.length === 0 || !account.roles.every((role) => VOLUNTEER_ROLES.has(role)))
    return { ok: false, reason: 'not-a-volunteer' };
  const check = await confirmPassword(em, account, password, now);
  if (!check.ok)
    return check.retryAfterMs === null ? { ok: false, reason: 'wrong-password' } : { ok: false, reason: 'throttled', retryAfterMs: check.retryAfterMs };
  await boundSql(em, 'insert into volunteer_erasure (account_id, volunteer_id, requested_at) values ($1, $2, $3) on conflict (account_id) do nothing', [
    account.id,
    account.volunteerId,
    now,
  ]);
  await boundSql(em, 'update account set disabled_at = coalesce(disabled_at, $2) where id = $1', [account.id, now]);
  for (const sql of SIGN_OUT_EVERYWHERE) await boundSql(em, sql, [account.id]);
  return { ok: true, accountId: account.id, volunteerId: account.volunteerId };
}

export interface WaitingErasure {
  accountId: string;
  volunteerId: string;
  /** The subgraphs that have answered already. */
  done: string[];
}

/** Requests not finished yet, oldest first, with the subgraphs already done: what the gateway's next run works through. */
export async function waitingErasures(em: EntityManager, limit = 100): Promise<WaitingErasure[]> {
  const erasures = await em.find(VolunteerErasure, { completedAt: null }, { orderBy: { requestedAt: 'asc' }, limit });
  const steps = await em.find(VolunteerErasureStep, { accountId: { $in: erasures.map((erasure) => erasure.accountId) } });
  return erasures.map(({ accountId, volunteerId }) => ({
    accountId,
    volunteerId,
    done: steps.filter((step) => step.accountId === accountId).map((step) => step.subgraph),
  }));
}

/**
 * Records that `subgraph` has erased its part (once: a second answer keeps the first time). When
 * every other subgraph has answered, identity erases its own part in the same transaction and the
 * request is complete. Answers whether it is complete; null for a request that does not exist.
 */
export async function recordErasureStep(em: EntityManager, accountId: string, subgraph: ErasureSubgraph, now: Date): Promise<boolean | null> {
  const erasure = await em.findOne(VolunteerErasure, { accountId });
  if (!erasure) return null;
  await boundSql(em, 'insert into volunteer_erasure_step (account_id, subgraph, done_at) values ($1, $2, $3) on conflict do nothing', [
    accountId,
    subgraph,
    now,
  ]);
  if (erasure.completedAt) return true;
  const done = new Set((await em.find(VolunteerErasureStep, { accountId })).map((step) => step.subgraph));
  if (!ERASURE_SUBGRAPHS.every((name) => done.has(name))) return false;
  for (const sql of ERASE_ACCOUNT) await boundSql(em, sql, [accountId]);
  await boundSql(em, "insert into volunteer_erasure_step (account_id, subgraph, done_at) values ($1, 'identity', $2) on conflict do nothing", [accountId, now]);
  await boundSql(em, 'update volunteer_erasure set completed_at = $2 where account_id = $1 and completed_at is null', [accountId, now]);
  return true;
}
