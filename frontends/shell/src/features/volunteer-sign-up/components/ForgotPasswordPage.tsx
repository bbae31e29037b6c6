import { Button, ErrorSummary, Field } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { postAccountStep } from '../accountSteps';
import { BackToSignIn, PublicFrame } from './PublicFrame';

const EMAIL_ID = 'forgot-password-email';

/** "Forgot your password?": asks for an email address and always gives the same answer. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (sent) headingRef.current?.focus();
  }, [sent]);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      setError({ message: 'Enter your email address.', field: true });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const answer = await postAccountStep('forgot-password', { email: email.trim() });
    setBusy(false);
    if (answer.ok) return setSent(answer.message);
    setError({ message: answer.message, field: false });
    setAttempt((n) => n + 1);
  }

  if (sent) {
    return (
      <PublicFrame title="Check your email" pageKey="sent">
        <h1 ref={headingRef} tabIndex={-1}>
          Check your email
        </h1>
        <p>{sent}</p>
        <BackToSignIn />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title="Forgot your password?">
      <h1>Forgot your password?</h1>
      <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
      <ErrorSummary items={error ? [{ message: error.message, ...(error.field ? { targetId: EMAIL_ID } : {}) }] : []} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Forgot your password">
        <Field
          id={EMAIL_ID}
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          error={error?.field ? error.message : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send me a link'}
        </Button>
      </form>
      <BackToSignIn />
    </PublicFrame>
  );
}
