import { Button, ErrorSummary, Field } from '@waymark/ui';
import { useId, useState, type SubmitEvent } from 'react';

export interface PasswordFormProps {
  label: string;
  submitText: string;
  /** Asks for a new password (at least 12 characters) as well as the current one. */
  withNewPassword?: boolean;
  /** Resolves with a message for the form (null when it worked). */
  onSubmit: (current: string, next: string) => Promise<string | null>;
}

const MIN_LENGTH = 12;

/** Confirming the current password (and choosing a new one), with an error summary that takes focus. */
export function PasswordForm({ label, submitText, withNewPassword = false, onSubmit }: PasswordFormProps) {
  const ids = useId();
  const currentId = `${ids}-current`;
  const nextId = `${ids}-new`;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      current: current ? undefined : 'Enter your current password',
      next: !withNewPassword
        ? undefined
        : !next
          ? 'Enter a new password'
          : next.length < MIN_LENGTH
            ? `Make your new password at least ${MIN_LENGTH} characters long`
            : undefined,
    };
    if (found.current || found.next) {
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    const message = await onSubmit(current, next);
    setBusy(false);
    if (message) {
      setErrors({ form: message });
      setAttempt((n) => n + 1);
      return;
    }
    setCurrent('');
    setNext('');
  }

  const items = [
    ...(errors.form ? [{ message: errors.form, targetId: currentId }] : []),
    ...(errors.current ? [{ message: errors.current, targetId: currentId }] : []),
    ...(errors.next ? [{ message: errors.next, targetId: nextId }] : []),
  ];

  return (
    <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={label}>
      <ErrorSummary attempt={attempt} items={items} />
      <Field
        id={currentId}
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        error={errors.current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      {withNewPassword ? (
        <Field
          id={nextId}
          label="New password"
          hint={`At least ${MIN_LENGTH} characters. Three random words work well.`}
          type="password"
          autoComplete="new-password"
          value={next}
          error={errors.next}
          onChange={(event) => setNext(event.target.value)}
        />
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? 'Saving…' : submitText}
      </Button>
    </form>
  );
}
