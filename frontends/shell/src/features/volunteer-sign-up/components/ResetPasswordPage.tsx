import { Button, ErrorSummary, Field } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { postAccountStep, tokenFromHash } from '../accountSteps';
import { BackToSignIn, PageLink, PublicFrame } from './PublicFrame';

const PASSWORD_ID = 'reset-password-new';
const MIN_PASSWORD = 12;

/** Opened from the link in a reset email: choose a new password, which signs the account out everywhere. */
export function ResetPasswordPage() {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // The token stays in this page's memory only, out of the address bar and the history.
    window.history.replaceState(null, '', window.location.pathname);
  }, []);
  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setError({ message: password ? `Use at least ${MIN_PASSWORD} characters. Three random words work well.` : 'Enter a new password.', field: true });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const answer = await postAccountStep('reset-password', { token, password });
    setBusy(false);
    if (answer.ok) return setDone(answer.message);
    setError({ message: answer.problems.password ?? answer.message, field: Boolean(answer.problems.password) });
    setAttempt((n) => n + 1);
  }

  if (done) {
    return (
      <PublicFrame title="Password changed" pageKey="done">
        <h1 ref={headingRef} tabIndex={-1}>
          Password changed
        </h1>
        <p>{done}</p>
        <BackToSignIn text="Sign in" />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title="Choose a new password">
      <h1>Choose a new password</h1>
      <ErrorSummary items={error ? [{ message: error.message, ...(error.field ? { targetId: PASSWORD_ID } : {}) }] : []} attempt={attempt} />
      {error && !error.field ? (
        <p>
          <PageLink href="/forgot-password">Get a new link</PageLink>
        </p>
      ) : null}
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Choose a new password">
        <Field
          id={PASSWORD_ID}
          label="New password"
          hint={`At least ${MIN_PASSWORD} characters. Three random words work well. Changing it signs you out on every device.`}
          type="password"
          autoComplete="new-password"
          value={password}
          error={error?.field ? error.message : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save new password'}
        </Button>
      </form>
      <BackToSignIn />
    </PublicFrame>
  );
}
