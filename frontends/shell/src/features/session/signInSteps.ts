import type { SignInStep } from '@waymark/graphql-client';

/** What the sign-in page shows: each gateway answer moves it to one of these. */
export type SignInScreen =
  | { screen: 'password' }
  | { screen: 'code' }
  | { screen: 'enrol'; secret: string; otpauthUri: string }
  | { screen: 'recovery-codes'; codes: string[] }
  | { screen: 'signed-in' };

/** The screen after an answer from `/auth/sign-in` or `/auth/second-factor`. */
export function screenAfter(step: SignInStep): SignInScreen {
  switch (step.kind) {
    case 'code':
      return { screen: 'code' };
    case 'enrol':
      return { screen: 'enrol', secret: step.secret, otpauthUri: step.otpauthUri };
    case 'signed-in':
      // Recovery codes are shown once only: the person must see them before going on.
      return step.recoveryCodes && step.recoveryCodes.length > 0 ? { screen: 'recovery-codes', codes: step.recoveryCodes } : { screen: 'signed-in' };
  }
}

/** The secret in groups of four, easier to copy into an app by hand. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export type CodeCheck = { ok: true; code: string } | { ok: false; message: string };

/**
 * Checks what was typed before sending it. An app code is six digits (spaces people copy are
 * dropped); on the code step a recovery code (letters and digits, dashes allowed) is accepted too.
 * Setting up takes an app code only: recovery codes do not exist yet.
 */
export function checkCode(typed: string, allowRecoveryCode: boolean): CodeCheck {
  const compact = typed.replace(/\s+/g, '');
  if (!compact) {
    return {
      ok: false,
      message: allowRecoveryCode
        ? 'Enter the 6-digit code from your authenticator app, or a recovery code'
        : 'Enter the 6-digit code from your authenticator app',
    };
  }
  if (/^\d{6}$/.test(compact)) return { ok: true, code: compact };
  if (allowRecoveryCode && /^[a-z0-9-]{8,}$/i.test(compact) && /[a-z]/i.test(compact)) return { ok: true, code: compact };
  return {
    ok: false,
    message: allowRecoveryCode ? 'Enter the code as 6 digits, or a recovery code such as k7pq-9xmz-3h' : 'Enter the code as 6 digits, such as 123456',
  };
}
