import { useCallback, useEffect, useState } from 'react';
import { signIn as postSignIn, signOut as postSignOut, submitSecondFactor as postSecondFactor, type SessionAccount, type SignInStep } from './auth.js';
import { GraphQLRequestError, isUnauthenticated, request } from './client.js';
import { MeDocument } from './gql/graphql.js';

/** `{ me { id displayName roles } }`: who is signed in (null for nobody). */
export const ME_QUERY = MeDocument.toString();

export type Session =
  | { status: 'loading'; account: null; error: null }
  | { status: 'signed-out'; account: null; error: null }
  | { status: 'signed-in'; account: SessionAccount; error: null }
  | { status: 'error'; account: null; error: GraphQLRequestError };

export interface SessionControls {
  session: Session;
  /** Asks `{ me }` again, e.g. after signing in. */
  reload: () => Promise<void>;
  /**
   * Throws `SignInError` when refused. Answers the next step; once signed in the session is
   * reloaded, except when there are recovery codes to show first (then call `reload` after).
   */
  signIn: (email: string, password: string) => Promise<SignInStep>;
  /** The code step after the password, with the same answers as `signIn`. */
  submitSecondFactor: (code: string) => Promise<SignInStep>;
  signOut: () => Promise<void>;
}

async function loadSession(): Promise<Session> {
  try {
    const data = await request(ME_QUERY);
    if (!data.me) return { status: 'signed-out', account: null, error: null };
    return { status: 'signed-in', account: data.me, error: null };
  } catch (error) {
    if (isUnauthenticated(error)) return { status: 'signed-out', account: null, error: null };
    const requestError = error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
    return { status: 'error', account: null, error: requestError };
  }
}

/** The signed-in person, from `{ me { id displayName roles } }`. */
export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>({ status: 'loading', account: null, error: null });

  const reload = useCallback(async () => {
    setSession(await loadSession());
  }, []);

  useEffect(() => {
    let active = true;
    void loadSession().then((next) => {
      if (active) setSession(next);
    });
    return () => {
      active = false;
    };
  }, []);

  const settle = useCallback(
    async (step: SignInStep) => {
      if (step.kind === 'signed-in' && !step.recoveryCodes) await reload();
      return step;
    },
    [reload],
  );

  const signIn = useCallback(async (email: string, password: string) => settle(await postSignIn(email, password)), [settle]);

  const submitSecondFactor = useCallback(async (code: string) => settle(await postSecondFactor(code)), [settle]);

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
      setSession({ status: 'signed-out', account: null, error: null });
    } catch {
      // The cookie may still be valid: show what the server says rather than pretend to be signed out.
      await reload();
    }
  }, [reload]);

  return { session, reload, signIn, submitSecondFactor, signOut };
}
