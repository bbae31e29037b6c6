import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Button } from './Button.js';
import { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.js';
import { Field } from './form.js';

const EMAIL_ID = 'sign-in-email';
const PASSWORD_ID = 'sign-in-password';

export interface SignInFormProps {
  /** Resolves when the password was right (the next step, if any, is the caller's); rejects with an Error whose message is shown to the person. */
  onSignIn: (email: string, password: string) => Promise<unknown>;
  title?: string;
  /** Shown under the form, such as links to reset a password or to sign up. */
  children?: ReactNode;
}

/** The sign-in page body: its own h1, labelled email and password fields, and an error summary (linked to the fields) that takes focus. */
export function SignInForm({ onSignIn, title = 'Sign in to Waymark', children }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : 'Enter your email address',
      password: password ? undefined : 'Enter your password',
    };
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      setError(null);
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Sign-in failed. Try again.');
      setBusy(false);
      setAttempt((count) => count + 1);
    }
  }

  const items: ErrorSummaryItem[] = [
    ...(fieldErrors.email ? [{ message: fieldErrors.email, targetId: EMAIL_ID }] : []),
    ...(fieldErrors.password ? [{ message: fieldErrors.password, targetId: PASSWORD_ID }] : []),
    ...(error ? [{ message: error }] : []),
  ];

  return (
    <div className="wm-sign-in">
      <div className="wm-section">
        <h1>{title}</h1>
        <p className="wm-muted">Careers guidance records for your school.</p>
        <ErrorSummary title={error ? 'You could not be signed in' : 'There is a problem'} items={items} attempt={attempt} />
        <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Sign in">
          <Field
            id={EMAIL_ID}
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
            id={PASSWORD_ID}
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
        {children}
      </div>
    </div>
  );
}
