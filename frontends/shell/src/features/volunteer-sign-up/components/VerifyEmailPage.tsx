import { Loading } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { postAccountStep, tokenFromHash, type StepAnswer } from '../accountSteps';
import { BackToSignIn, PageLink, PublicFrame } from './PublicFrame';

/** Opened from the link in a sign-up email: confirms the address once, then offers sign-in. */
export function VerifyEmailPage() {
  const [answer, setAnswer] = useState<StepAnswer | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = tokenFromHash(window.location.hash);
    // The token works once: keep it out of the address bar and the browser's history.
    window.history.replaceState(null, '', window.location.pathname);
    void postAccountStep('verify-email', { token }).then(setAnswer);
  }, []);

  if (!answer) {
    return (
      <PublicFrame title="Confirming your email address">
        <Loading label="Confirming your email address…" />
      </PublicFrame>
    );
  }
  if (answer.ok) {
    return (
      <PublicFrame title="Email address confirmed" pageKey="done">
        <h1>Email address confirmed</h1>
        <p>{answer.message}</p>
        <BackToSignIn text="Sign in" />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title="This link does not work" pageKey="failed">
      <h1>This link does not work</h1>
      <p>{answer.message}</p>
      <p>
        To get a new link, <PageLink href="/forgot-password">enter your email address here</PageLink>. If you signed up more than a day ago and never confirmed,
        sign up again.
      </p>
      <BackToSignIn />
    </PublicFrame>
  );
}
