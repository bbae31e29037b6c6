import type { ReactNode } from 'react';
import { useSession, type SessionAccount } from '@waymark/graphql-client';
import { GlobalStyles } from './GlobalStyles.js';
import { ErrorPanel, Loading } from './feedback.js';
import { SignInForm } from './SignInForm.js';

/**
 * A remote running on its own for development: it signs in itself, where inside the shell the
 * shell provides the session.
 */
export function StandaloneRemote({ children }: { children: (account: SessionAccount) => ReactNode }) {
  const { session, signIn } = useSession();
  return (
    <>
      <GlobalStyles />
      <main className="wm-container wm-app-main">
        {session.status === 'loading' ? <Loading label="Checking your session…" /> : null}
        {session.status === 'error' ? <ErrorPanel headingLevel={1}>{session.error.message}</ErrorPanel> : null}
        {session.status === 'signed-out' ? <SignInForm onSignIn={signIn} /> : null}
        {session.status === 'signed-in' ? children(session.account) : null}
      </main>
    </>
  );
}
