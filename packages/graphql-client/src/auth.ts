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
const UNREACHABLE_MESSAGE = 'Waymark could not be reached. Check your connection and try again.';

export async function signIn(email: string, password: string): Promise<SessionAccount> {
  let response: Response;
  try {
    response = await fetch('/auth/sign-in', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new SignInError(UNREACHABLE_MESSAGE, null);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).trim();
    const fallback = response.status === 401 ? REFUSED_MESSAGE : `Sign-in failed (${response.status}).`;
    // The gateway answers 401 with plain text; anything else (an HTML error page, JSON) is not for people.
    const readable = text && text.length <= 300 && !text.startsWith('<') && !text.startsWith('{');
    throw new SignInError(readable ? text : fallback, response.status);
  }
  const body = (await response.json()) as { account: SessionAccount };
  return body.account;
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
