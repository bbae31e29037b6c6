import { Button, ErrorSummary, Field } from '@waymark/ui';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { checkCode } from '../signInSteps';

export interface CodeFormProps {
  /** The form's accessible name. */
  label: string;
  /** Whether "Use a recovery code instead" is offered (not while setting up: there are none yet). */
  allowRecoveryCode: boolean;
  submitText: string;
  /** Rejects with an Error whose message is shown in the error summary. */
  onSubmit: (code: string) => Promise<void>;
  children?: ReactNode;
}

const FIELD_ID = 'second-factor-code';

/** One code field with a GOV.UK-style error summary that takes focus when something is wrong. */
export function CodeForm({ label, allowRecoveryCode, submitText, onSubmit, children }: CodeFormProps) {
  const [typed, setTyped] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkCode(typed, recovery);
    if (!checked.ok) {
      setFieldError(checked.message);
      setFormError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    try {
      await onSubmit(checked.code);
    } catch (caught) {
      setFormError(caught instanceof Error ? caught.message : 'That did not work. Try again.');
      setTyped('');
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  }

  const items = [...(fieldError ? [{ message: fieldError, targetId: FIELD_ID }] : []), ...(formError ? [{ message: formError, targetId: FIELD_ID }] : [])];

  return (
    <>
      <ErrorSummary attempt={attempt} items={items} />
      {children}
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={label}>
        <Field
          key={recovery ? 'recovery' : 'app'}
          id={FIELD_ID}
          label={recovery ? 'Recovery code' : 'Code from your authenticator app'}
          hint={recovery ? 'One of the codes you saved when you set up your app, such as k7pq-9xmz-3h. Each works once.' : 'Six digits, such as 123456'}
          name="code"
          narrow={!recovery}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          spellCheck={false}
          autoCapitalize="none"
          value={typed}
          error={fieldError ?? undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Checking…' : submitText}
          </Button>
          {allowRecoveryCode ? (
            <Button
              variant="secondary"
              onClick={() => {
                setRecovery((now) => !now);
                setTyped('');
                setFieldError(null);
              }}
            >
              {recovery ? 'Use a code from my app' : 'Use a recovery code instead'}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
