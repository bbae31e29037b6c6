import { useSession } from '@waymark/graphql-client';
import { ErrorPanel, GlobalStyles, Loading, SignInForm } from '@waymark/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmployerApp } from './app/EmployerApp';

/** Runs the remote on its own for development: the shell normally provides the session. */
function Standalone() {
  const { session, signIn } = useSession();
  return (
    <>
      <GlobalStyles />
      <main className="wm-container wm-app-main">
        {session.status === 'loading' ? <Loading label="Checking your session…" /> : null}
        {session.status === 'error' ? <ErrorPanel headingLevel={1}>{session.error.message}</ErrorPanel> : null}
        {session.status === 'signed-out' ? <SignInForm onSignIn={signIn} /> : null}
        {session.status === 'signed-in' ? <EmployerApp account={session.account} /> : null}
      </main>
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Standalone />
  </StrictMode>,
);
