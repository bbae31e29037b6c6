import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { VolunteerSignUp } from '../sign-up/sign-up.entity.js';
import { VolunteerProvisioning } from './volunteer-provisioning.entity.js';
import type { ProvisionInput, SendProvisioning } from './volunteer-provisioning.calls.js';

/** Runs one step in a transaction of its own (identity's routes: a named system access each). */
export type ProvisioningPhase = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

export interface ProvisioningOutcome {
  /** The account now holds these ids (also when they were already there). */
  delivered: { volunteerId: string; employerId: string | null } | null;
  /** Why it is still waiting, when it is. */
  waiting: string | null;
}

/**
 * Queues a signed-up volunteer's record in the employers subgraph, inside the caller's transaction
 * (the one confirming their email): nothing when the account has no sign-up, and once only.
 */
export async function queueVolunteerProvisioning(em: EntityManager, accountId: string, now: Date): Promise<boolean> {
  if (!(await em.findOne(VolunteerSignUp, { accountId }))) return false;
  await boundSql(em, 'insert into volunteer_provisioning (account_id, created_at, attempts) values ($1, $2, 0) on conflict (account_id) do nothing', [
    accountId,
    now,
  ]);
  return true;
}

/**
 * Sends an account's waiting outbox row to the employers subgraph (outside any transaction: the
 * call may wait), then, in one transaction, marks it delivered and writes the ids onto the account,
 * so the next session's principal carries them. Sent twice (a lost answer, two sign-ins at once), the
 * employers subgraph answers the same ids: the account id is its idempotency key. A failure leaves
 * the row waiting with one more attempt and the reason; the next sign-in tries again.
 */
export async function deliverVolunteerProvisioning(
  phase: ProvisioningPhase,
  accountId: string,
  send: SendProvisioning,
  now: Date,
): Promise<ProvisioningOutcome> {
  const pending = await phase(async (em) => {
    const row = await em.findOne(VolunteerProvisioning, { accountId, deliveredAt: null });
    if (!row) return null;
    const [account, signUp] = await Promise.all([em.findOne(Account, { id: accountId }), em.findOne(VolunteerSignUp, { accountId })]);
    if (!account || !signUp) return null;
    const input: ProvisionInput = {
      accountId,
      kind: signUp.kind,
      name: account.displayName,
      email: account.email,
      jobTitle: signUp.jobTitle,
      organisationName: signUp.organisationName,
      sector: signUp.sector,
      sizeBand: signUp.sizeBand,
      postcode: signUp.postcode,
      website: signUp.website,
      schoolId: signUp.schoolId,
      schoolName: signUp.schoolName,
      yearLeft: signUp.yearLeft,
    };
    return { input, attempts: row.attempts };
  });
  if (!pending) return { delivered: null, waiting: null };

  let outcome: Awaited<ReturnType<SendProvisioning>> | { failed: string };
  try {
    outcome = await send(pending.input);
  } catch (error) {
    outcome = { failed: error instanceof Error ? error.message : String(error) };
  }
  if ('volunteerId' in outcome) {
    const { volunteerId, employerId } = outcome;
    await phase(async (em) => {
      await em.nativeUpdate(VolunteerProvisioning, { accountId }, { deliveredAt: now, attempts: pending.attempts + 1, lastError: null });
      await em.nativeUpdate(Account, { id: accountId }, { volunteerId, employerId });
    });
    return { delivered: { volunteerId, employerId }, waiting: null };
  }
  const reason = ('refused' in outcome ? `refused: ${outcome.refused}` : outcome.failed).slice(0, 1000);
  await phase((em) => em.nativeUpdate(VolunteerProvisioning, { accountId, deliveredAt: null }, { attempts: pending.attempts + 1, lastError: reason }));
  return { delivered: null, waiting: reason };
}
