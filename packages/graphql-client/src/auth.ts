/** The signed-in person as `/auth/sign-in` and `{ me }` describe them. */
export interface SessionAccount {
  id: string;
  displayName: string;
  roles: string[];
}

/** Sign-in was refused (401) or failed; `message` is safe to show to the person signing in. */
export class SignInError extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'SignInError';
    this.status = status;
  }
}

const REFUSED_MESSAGE = 'The email address or password is not right.';
const CODE_REFUSED_MESSAGE = 'That code is not right. Try the code your app shows now.';
const UNREACHABLE_MESSAGE = 'Waymark could not be reached. Check your connection and try again.';

/**
 * Where a sign-in stands after a step. Staff and analysts may need a second factor after the
 * password: a code from their authenticator app, or (when it is required and not set up yet) a
 * new secret to add to the app first. Recovery codes come only once, after setting it up.
 */
export type SignInStep =
  { kind: 'signed-in'; account: SessionAccount; recoveryCodes: string[] | null } | { kind: 'code' } | { kind: 'enrol'; secret: string; otpauthUri: string };

/** What the gateway answers with 200 from `/auth/sign-in` and `/auth/second-factor`. */
interface StepBody {
  account?: SessionAccount;
  recoveryCodes?: string[];
  secondFactor?: string;
  secret?: string;
  otpauthUri?: string;
}

/** Reads a 200 answer into the next step; anything unexpected is a failure, never a silent sign-in. */
export function signInStepOf(body: StepBody): SignInStep {
  if (body.account) return { kind: 'signed-in', account: body.account, recoveryCodes: body.recoveryCodes ?? null };
  if (body.secondFactor === 'code') return { kind: 'code' };
  if (body.secondFactor === 'enrol' && body.secret && body.otpauthUri) return { kind: 'enrol', secret: body.secret, otpauthUri: body.otpauthUri };
  throw new SignInError('Sign-in failed. Try again.', 200);
}

async function postStep(path: string, payload: unknown, refusedMessage: string): Promise<SignInStep> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch {
    throw new SignInError(UNREACHABLE_MESSAGE, null);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).trim();
    const fallback = response.status === 401 ? refusedMessage : `Sign-in failed (${response.status}).`;
    // The gateway refuses with plain text; anything else (an HTML error page, JSON) is not for people.
    const readable = text && text.length <= 300 && !text.startsWith('<') && !text.startsWith('{');
    throw new SignInError(readable ? text : fallback, response.status);
  }
  return signInStepOf((await response.json()) as StepBody);
}

/** The first step: email and password. */
export function signIn(email: string, password: string): Promise<SignInStep> {
  return postStep('/auth/sign-in', { email, password }, REFUSED_MESSAGE);
}

/** The second step: a code from the authenticator app, or a recovery code (the pending sign-in rides in a cookie). */
export function submitSecondFactor(code: string): Promise<SignInStep> {
  return postStep('/auth/second-factor', { code }, CODE_REFUSED_MESSAGE);
}

export async function signOut(): Promise<void> {
  // The gateway reads /auth/* only as JSON, so another site's form cannot sign anyone out.
  const response = await fetch('/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`Sign-out failed (${response.status})`);
}
