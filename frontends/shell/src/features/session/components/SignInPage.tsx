import type { SignInStep } from '@waymark/graphql-client';
import { Button, Loading, Notice, SignInForm } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { AppFrame } from '../../layout/components/AppFrame';
import { AppHeader } from '../../layout/components/AppHeader';
import { screenAfter, type SignInScreen } from '../signInSteps';
import { CodeForm } from './CodeForm';
import { EnrolInstructions } from './EnrolInstructions';
import { PageLink } from '../../volunteer-sign-up/components/PublicFrame';

export interface SignInPageProps {
  onSignIn: (email: string, password: string) => Promise<SignInStep>;
  onSecondFactor: (code: string) => Promise<SignInStep>;
  /** Opens the signed-in app once the recovery codes have been seen. */
  onContinue: () => Promise<void>;
}

const TITLES: Record<SignInScreen['screen'], string> = {
  password: 'Sign in',
  code: 'Enter your code',
  enrol: 'Set up your authenticator app',
  'recovery-codes': 'Save your recovery codes',
  'signed-in': 'Signing in',
};

/** Sign-in in as many steps as the gateway asks for: password, then a code or setting up an app, then recovery codes. */
export function SignInPage({ onSignIn, onSecondFactor, onContinue }: SignInPageProps) {
  const [screen, setScreen] = useState<SignInScreen>({ screen: 'password' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Each new step starts at its heading, so screen readers hear where they are.
    if (screen.screen !== 'password') headingRef.current?.focus();
  }, [screen.screen]);

  const startAgain = (
    <p>
      <Button variant="secondary" onClick={() => setScreen({ screen: 'password' })}>
        Start again
      </Button>
    </p>
  );

  let body;
  switch (screen.screen) {
    case 'password':
      body = (
        <SignInForm onSignIn={async (email, password) => setScreen(screenAfter(await onSignIn(email, password)))}>
          <p style={{ marginTop: 'var(--wm-space-lg)' }}>
            <PageLink href="/forgot-password">Forgot your password?</PageLink>
          </p>
          <p>
            Work for an employer, or went to a school that uses Waymark? <PageLink href="/volunteer-sign-up">Volunteer with schools</PageLink>
          </p>
        </SignInForm>
      );
      break;
    case 'code':
      body = (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            Enter your code
          </h1>
          <CodeForm
            label="Enter your code"
            allowRecoveryCode
            submitText="Continue"
            onSubmit={async (code) => setScreen(screenAfter(await onSecondFactor(code)))}
          >
            <p>Enter the 6-digit code from your authenticator app (or a recovery code).</p>
          </CodeForm>
          {startAgain}
        </>
      );
      break;
    case 'enrol':
      body = (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            Set up your authenticator app
          </h1>
          <CodeForm
            label="Set up your authenticator app"
            allowRecoveryCode={false}
            submitText="Turn it on and sign in"
            onSubmit={async (code) => setScreen(screenAfter(await onSecondFactor(code)))}
          >
            <p>Your school or trust asks everyone on its staff to give a code from an authenticator app when they sign in.</p>
            <EnrolInstructions secret={screen.secret} otpauthUri={screen.otpauthUri} />
          </CodeForm>
          {startAgain}
        </>
      );
      break;
    case 'signed-in':
      body = <Loading label="Signing you in…" />;
      break;
    case 'recovery-codes':
      body = (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            Save your recovery codes
          </h1>
          <RecoveryCodes codes={screen.codes} />
          <Button onClick={() => void onContinue()}>I have saved them, continue</Button>
        </>
      );
      break;
  }

  return (
    <AppFrame title={TITLES[screen.screen]} header={<AppHeader />} pageKey={screen.screen}>
      {/* The password step's form brings its own box. */}
      {screen.screen === 'password' ? (
        body
      ) : (
        <div className="wm-sign-in">
          <div className="wm-section">{body}</div>
        </div>
      )}
    </AppFrame>
  );
}

/** The one-time recovery codes, with what they are for; Waymark shows them only this once. */
export function RecoveryCodes({ codes, headingLevel = 2 }: { codes: readonly string[]; headingLevel?: 2 | 3 }) {
  return (
    <>
      <Notice title="Save these codes now" headingLevel={headingLevel}>
        You will not see them again. If you lose your phone, each code lets you sign in once instead of a code from your app. Print them or keep them in a
        password manager, not on your phone.
      </Notice>
      <ul className="wm-plain-list wm-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
