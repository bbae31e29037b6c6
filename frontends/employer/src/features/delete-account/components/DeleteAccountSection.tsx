import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Button, ErrorSummary, Field, Section, type ErrorSummaryItem } from '@waymark/ui';
import { deleteMyAccount } from '../lib/deleteAccount';

/**
 * "Delete my account" for an employer volunteer or alumnus (docs/domain-rules.md, "A volunteer
 * deletes their account"): what goes and what schools keep, in plain words, then their password to
 * confirm. Once deleted they are signed out; the page says so and links to the sign-in page.
 */
export function DeleteAccountSection() {
  const id = useId();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ message: string; field: 'password' | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [deleted, setDeleted] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    const answer = await deleteMyAccount(password);
    setSending(false);
    if (!answer.ok) {
      setProblem({ message: answer.message, field: answer.field });
      setAttempt((n) => n + 1);
      return;
    }
    setPassword('');
    setProblem(null);
    setDeleted(answer.message);
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  if (deleted) {
    return (
      <Section title="Delete my account">
        <p ref={doneRef} tabIndex={-1} className="wm-notice" role="status">
          {deleted}
        </p>
        <p>
          <a href="/">Go to the sign-in page</a>
        </p>
      </Section>
    );
  }

  const items: ErrorSummaryItem[] = problem ? [{ message: problem.message, ...(problem.field ? { targetId: `${id}-password` } : {}) }] : [];
  return (
    <Section title="Delete my account" description="You can delete your Waymark account at any time. It cannot be undone.">
      <h3>What is deleted</h3>
      <ul>
        <li>Your name, email address and password: you will not be able to sign in again.</li>
        <li>Your profile: your job, what you can offer, the sectors you know, how far you can travel and when you are free.</li>
        <li>Your role-model profile, and anything you told a school about where you are now.</li>
        <li>The words of your offers to help, of feedback you gave a school, and of schools' thanks to you.</li>
      </ul>
      <h3>What schools keep</h3>
      <ul>
        <li>
          That an activity took place and who organised it. Where it names you, it will say "Former volunteer" and the name of your organisation, so the
          school's records and counts stay right.
        </li>
        <li>Any check a school recorded on you (for example an identity check), as schools must keep their safeguarding records.</li>
        <li>Feedback you gave an individual pupil, which is part of that pupil's record.</li>
      </ul>
      <h3>What happens to what is planned</h3>
      <p>
        Offers you have made that a school has not answered are withdrawn. If you are booked on an activity that has not happened yet, the school is told you
        will not come, so they can find someone else.
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Delete my account">
        <Field
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          label="Enter your password to confirm"
          value={password}
          error={problem?.field === 'password' ? problem.message : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={sending}>
          {sending ? 'Deleting…' : 'Delete my account'}
        </Button>
      </form>
    </Section>
  );
}
