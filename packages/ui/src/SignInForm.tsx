import { useState, type SubmitEvent } from 'react';
import { Button } from './Button.js';
import { ErrorPanel } from './feedback.js';
import { Field } from './form.js';

export interface SignInFormProps {
  /** Resolves when the password was right (the next step, if any, is the caller's); rejects with an Error whose message is shown to the person. */
  onSignIn: (email: string, password: string) => Promise<unknown>;
  title?: string;
}

/** The sign-in page body: its own h1, labelled email and password fields and the refusal message. */
export function SignInForm({ onSignIn, title = 'Sign in to Waymark' }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : 'Enter your email address',
      password: password ? undefined : 'Enter your password',
    };
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Sign-in failed. Try again.');
      setBusy(false);
    }
  }

  return (
    <div className="wm-sign-in">
      <div className="wm-section">
        <h1>{title}</h1>
        <p className="wm-muted">Careers guidance records for your school.</p>
        {error ? <ErrorPanel title="You could not be signed in">{error}</ErrorPanel> : null}
        <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Sign in">
          <Field
            label="Email address"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            error={fieldErrors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </div>
    </div>
  );
}
