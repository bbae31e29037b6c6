import { useSession } from '@waymark/graphql-client';
import { ErrorPanel, Loading } from '@waymark/ui';
import { AppFrame } from '../features/layout/components/AppFrame';
import { AppHeader } from '../features/layout/components/AppHeader';
import { SignedInApp } from '../features/session/components/SignedInApp';
import { SignInPage } from '../features/session/components/SignInPage';
import { publicPageOf } from '../features/volunteer-sign-up/accountSteps';
import { PublicPage } from '../features/volunteer-sign-up/components/PublicPage';
import { isSelfReportPath } from '../features/self-report/selfReport';
import { SelfReportPage } from '../features/self-report/components/SelfReportPage';

/** Asks who is signed in, then shows the sign-in page or the area for the person's role. */
export function ShellApp() {
  const { session, reload, signIn, submitSecondFactor, signOut } = useSession();
  // A leaver's self-report link works the same whoever is signed in on this browser: the token is its only key.
  if (isSelfReportPath(window.location.pathname)) return <SelfReportPage />;

  switch (session.status) {
    case 'loading':
      return (
        <AppFrame title="Waymark" header={<AppHeader />}>
          <Loading label="Checking your session…" />
        </AppFrame>
      );
    case 'error':
      return (
        <AppFrame title="Not available" header={<AppHeader />}>
          <ErrorPanel title="Waymark is not available right now" headingLevel={1} onRetry={() => void reload()}>
            {session.error.message}
          </ErrorPanel>
        </AppFrame>
      );
    case 'signed-out': {
      const page = publicPageOf(window.location.pathname);
      if (page) return <PublicPage page={page} />;
      return <SignInPage onSignIn={signIn} onSecondFactor={submitSecondFactor} onContinue={reload} />;
    }
    case 'signed-in':
      return <SignedInApp account={session.account} onSignOut={() => void signOut()} />;
  }
}
