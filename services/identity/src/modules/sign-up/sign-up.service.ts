import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword, hashToken, newToken, type Role } from '@waymark/auth';
import { Account } from '../account/account.entity.js';
import { normaliseEmail } from '../account/account.principal.js';
import type { Mailer } from '../mail/mailer.js';
import { checkSignUp, type FieldProblem } from './sign-up.checks.js';
import { EmailToken, VolunteerSignUp, type EmailTokenPurpose } from './sign-up.entity.js';
import { SignUpMail } from './sign-up.mail.js';
import { queueVolunteerProvisioning } from '../volunteer-provisioning/volunteer-provisioning.service.js';

export const VERIFY_TOKEN_MS = 24 * 60 * 60 * 1000;

export type SignUpOutcome = { ok: true } | { ok: false; problems: FieldProblem[] };

/** The address a link in an email opens: the page, with the token after # so it never reaches a server log. */
export function emailLink(origin: string, page: 'verify-email' | 'reset-password', token: string): string {
  return `${origin}/${page}#token=${token}`;
}

/** A new single-use token for an account: the token itself (for the email) after storing its hash. */
export async function issueEmailToken(em: EntityManager, accountId: string, purpose: EmailTokenPurpose, lifetimeMs: number, now: Date): Promise<string> {
  const token = newToken();
  await em.insert(EmailToken, {
    id: randomUUID(),
    tokenHash: hashToken(token),
    accountId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  });
  return token;
}

/**
 * Takes a token for `purpose` if it is known and not expired, deleting it so it works once (two
 * requests racing with one token: only one deletes the row). The account it was for, or null.
 */
export async function takeEmailToken(em: EntityManager, token: string, purpose: EmailTokenPurpose, now: Date): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const stored = await em.findOne(EmailToken, { tokenHash: hashToken(token), purpose });
  if (!stored) return null;
  const taken = await em.nativeDelete(EmailToken, { id: stored.id });
  if (taken !== 1 || stored.expiresAt <= now) return null;
  return stored.accountId;
}

/**
 * Volunteers signing themselves up (employers' staff and former pupils), and confirming their email
 * address. The answer to a sign-up never says whether the email already had an account: that is
 * told to the address's owner by email instead.
 */
export class SignUpService {
  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Makes an account that cannot sign in until the link emailed to it is followed. The account, the
   * volunteer's details and the token are saved together, and only once the mail server has taken
   * the email: nothing is half-saved.
   */
  async signUp(body: Record<string, unknown>, origin: string, now = new Date()): Promise<SignUpOutcome> {
    const checked = checkSignUp(body, now);
    if (!checked.ok) return checked;
    const values = checked.values;
    const email = normaliseEmail(values.email);
    // Hash first either way, so a known email answers no faster than a new one.
    const passwordHash = await hashPassword(values.password);
    if (await this.em.findOne(Account, { email })) {
      await this.mailer.send(SignUpMail.alreadyRegistered(email, origin));
      return { ok: true };
    }
    const role: Role = values.kind === 'employer' ? 'employer_volunteer' : 'alumni';
    try {
      await this.em.transactional(async (em) => {
        const accountId = randomUUID();
        await em.insert(Account, {
          id: accountId,
          email,
          displayName: values.name,
          passwordHash,
          roles: [role],
          createdAt: now,
          awaitingVerificationSince: now,
        });
        await em.insert(VolunteerSignUp, {
          accountId,
          kind: values.kind,
          status: values.kind === 'employer' ? 'active' : 'awaiting-school',
          jobTitle: values.jobTitle,
          organisationName: values.organisationName,
          sector: values.sector,
          sizeBand: values.sizeBand,
          postcode: values.postcode,
          website: values.website,
          schoolId: values.schoolId,
          schoolName: values.schoolName,
          yearLeft: values.yearLeft,
          createdAt: now,
        });
        const token = await issueEmailToken(em, accountId, 'verify-email', VERIFY_TOKEN_MS, now);
        await this.mailer.send(SignUpMail.verify(email, values.name, emailLink(origin, 'verify-email', token)));
      });
    } catch (error) {
      // Someone signed up with the same email at the same moment: theirs stands.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      await this.mailer.send(SignUpMail.alreadyRegistered(email, origin));
    }
    return { ok: true };
  }

  /**
   * Confirms an email address with the link's token: the account, which may now sign in, or null.
   * In the same transaction the volunteer's record in the employers subgraph is queued (outbox).
   */
  async verifyEmail(token: string, now = new Date()): Promise<string | null> {
    return this.em.transactional(async (em) => {
      const accountId = await takeEmailToken(em, token, 'verify-email', now);
      if (!accountId) return null;
      await em.nativeUpdate(Account, { id: accountId }, { awaitingVerificationSince: null });
      await queueVolunteerProvisioning(em, accountId, now);
      return accountId;
    });
  }

  /** Sends a new confirmation link to an account still waiting for one (asked for through "forgot password"). */
  async resendVerification(account: Account, origin: string, now: Date): Promise<void> {
    await this.em.transactional(async (em) => {
      await em.nativeDelete(EmailToken, { accountId: account.id, purpose: 'verify-email' });
      const token = await issueEmailToken(em, account.id, 'verify-email', VERIFY_TOKEN_MS, now);
      await this.mailer.send(SignUpMail.verify(account.email, account.displayName, emailLink(origin, 'verify-email', token)));
    });
  }
}
