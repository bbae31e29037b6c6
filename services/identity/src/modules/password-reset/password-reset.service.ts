import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword } from '@waymark/auth';
import { Account } from '../account/account.entity.js';
import { normaliseEmail } from '../account/account.principal.js';
import type { Mailer } from '../mail/mailer.js';
import { PendingSignIn } from '../second-factor/second-factor.entity.js';
import { Session } from '../session/session.entity.js';
import { newPasswordProblem, type FieldProblem } from '../sign-up/sign-up.checks.js';
import { EmailToken } from '../sign-up/sign-up.entity.js';
import { SignUpMail } from '../sign-up/sign-up.mail.js';
import { emailLink, issueEmailToken, SignUpService, takeEmailToken } from '../sign-up/sign-up.service.js';

export const RESET_TOKEN_MS = 60 * 60 * 1000;
/** At most one email a minute per account from "forgot password", so the form cannot flood an inbox. */
const RESEND_AFTER_MS = 60 * 1000;

export type ResetOutcome = { ok: true; signedOutDevices: number } | { ok: false; reason: 'invalid-link' } | { ok: false; problems: FieldProblem[] };

/** "Forgot password": a single-use, one-hour link by email, and choosing a new password with it. */
export class PasswordResetService {
  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Emails a reset link when the address has an account that may sign in (a new confirmation link
   * when it is still waiting for one); nothing otherwise. The caller answers the same either way.
   */
  async request(email: string, origin: string, now = new Date()): Promise<void> {
    const normalised = normaliseEmail(email);
    if (!normalised || normalised.length > 254) return;
    const account = await this.em.findOne(Account, { email: normalised, disabledAt: null });
    if (!account) return;
    const recent = await this.em.count(EmailToken, { accountId: account.id, createdAt: { $gt: new Date(now.getTime() - RESEND_AFTER_MS) } });
    if (recent > 0) return;
    if (account.awaitingVerificationSince) return new SignUpService(this.em, this.mailer).resendVerification(account, origin, now);
    await this.em.transactional(async (em) => {
      await em.nativeDelete(EmailToken, { accountId: account.id, purpose: 'reset-password' });
      const token = await issueEmailToken(em, account.id, 'reset-password', RESET_TOKEN_MS, now);
      await this.mailer.send(SignUpMail.reset(account.email, emailLink(origin, 'reset-password', token)));
    });
  }

  /**
   * A new password with a reset link's token. Every session of the account ends and sign-ins
   * waiting for a second factor are dropped: whoever knew the old password keeps nothing.
   */
  async reset(token: string, password: string, now = new Date()): Promise<ResetOutcome> {
    const weakness = newPasswordProblem(password);
    if (weakness) return { ok: false, problems: [{ field: 'password', message: weakness }] };
    const passwordHash = await hashPassword(password);
    return this.em.transactional(async (em): Promise<ResetOutcome> => {
      const accountId = await takeEmailToken(em, token, 'reset-password', now);
      if (!accountId) return { ok: false, reason: 'invalid-link' };
      const updated = await em.nativeUpdate(Account, { id: accountId, disabledAt: null }, { passwordHash });
      if (updated !== 1) return { ok: false, reason: 'invalid-link' };
      const signedOutDevices = await em.nativeDelete(Session, { accountId });
      await em.nativeDelete(PendingSignIn, { accountId });
      await em.nativeDelete(EmailToken, { accountId, purpose: 'reset-password' });
      return { ok: true, signedOutDevices };
    });
  }
}
