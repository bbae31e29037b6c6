import { useCallback, useEffect, useState } from 'react';
import { signIn as postSignIn, signOut as postSignOut, type SessionAccount } from './auth.js';
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
  /** Throws `SignInError` when refused; on success the session is reloaded. */
  signIn: (email: string, password: string) => Promise<void>;
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

  const signIn = useCallback(
    async (email: string, password: string) => {
      await postSignIn(email, password);
      await reload();
    },
    [reload],
  );

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
      setSession({ status: 'signed-out', account: null, error: null });
    } catch {
      // The cookie may still be valid: show what the server says rather than pretend to be signed out.
      await reload();
    }
  }, [reload]);

  return { session, reload, signIn, signOut };
}
