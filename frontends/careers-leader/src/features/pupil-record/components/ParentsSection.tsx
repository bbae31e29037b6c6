import { request, useQuery } from '@waymark/graphql-client';
import { Button, ConfirmDialog, ErrorPanel, ErrorSummary, Field, Loading, Notice, Section, type ErrorSummaryItem } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { LINK_PARENT_MUTATION, PUPIL_PARENTS_QUERY, UNLINK_PARENT_MUTATION, type LinkedParent } from '../graphql/parents';

export interface ParentsSectionProps {
  pupilId: string;
  pupilName: string;
}

const NAME_ID = 'parent-link-name';
const EMAIL_ID = 'parent-link-email';
const FIELD_IDS: Record<string, string> = { displayName: NAME_ID, email: EMAIL_ID };

type Outcome = { kind: 'linked'; name: string; temporaryPassword: string | null } | { kind: 'unlinked'; name: string };

/**
 * The parents and carers who can sign in to see the pupil's record: linking one (a new parent gets an
 * account with a temporary password, shown once) and unlinking one after a confirmation. Both are
 * recorded in the school's data access log with who did it and when.
 */
export function ParentsSection({ pupilId, pupilName }: ParentsSectionProps) {
  const query = useQuery(PUPIL_PARENTS_QUERY, { id: pupilId });
  const parents = query.data?.pupil?.linkedParents ?? null;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [unlinking, setUnlinking] = useState<LinkedParent | null>(null);

  const fail = (items: ErrorSummaryItem[]) => {
    setProblems(items);
    setAttempt((count) => count + 1);
  };

  const link = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: ErrorSummaryItem[] = [
      ...(name.trim() ? [] : [{ message: "Enter the parent's or carer's name", targetId: NAME_ID }]),
      ...(email.trim() ? [] : [{ message: 'Enter their email address', targetId: EMAIL_ID }]),
    ];
    if (missing.length) return fail(missing);
    setBusy(true);
    setOutcome(null);
    try {
      const { linkParentAccount: result } = await request(LINK_PARENT_MUTATION, { input: { pupilId, displayName: name.trim(), email: email.trim() } });
      if (result.error) {
        fail(
          result.error.fields.length
            ? result.error.fields.map((field) => ({ message: field.message, targetId: FIELD_IDS[field.field] }))
            : [{ message: result.error.message }],
        );
      } else {
        setProblems([]);
        setOutcome({ kind: 'linked', name: name.trim(), temporaryPassword: result.temporaryPassword ?? null });
        setName('');
        setEmail('');
        await query.refetch();
      }
    } catch (error) {
      fail([{ message: error instanceof Error ? error.message : 'The parent or carer was not linked. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const unlink = async () => {
    if (!unlinking) return;
    setBusy(true);
    try {
      const { unlinkParentAccount: result } = await request(UNLINK_PARENT_MUTATION, { input: { pupilId, accountId: unlinking.accountId } });
      if (result.error) fail([{ message: result.error.message }]);
      else {
        setOutcome({ kind: 'unlinked', name: unlinking.displayName });
        await query.refetch();
      }
    } catch (error) {
      fail([{ message: error instanceof Error ? error.message : 'The link was not ended. Try again.' }]);
    } finally {
      setBusy(false);
      setUnlinking(null);
    }
  };

  // Only careers leaders and staff of the pupil's school manage links (a careers adviser does not): the API answers null to anyone else.
  if (query.data && !query.error && parents === null) return null;

  return (
    <Section
      title="Parents and carers"
      description={`Parents and carers linked here can sign in to see ${pupilName}'s record and comment on it, when your school lets parents in (School settings). Every link and unlink is recorded in the data access log with your name.`}
    >
      {query.loading && !parents ? <Loading label="Loading the linked parents and carers…" /> : null}
      {query.error && !parents ? (
        <ErrorPanel title="The linked parents and carers could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {outcome?.kind === 'linked' ? (
        <Notice title={`${outcome.name} is linked`} headingLevel={3}>
          {outcome.temporaryPassword ? (
            <>
              <p>
                A new account was made for them. Give them this temporary password, which is shown only now:{' '}
                <strong>
                  <code>{outcome.temporaryPassword}</code>
                </strong>
              </p>
              <p>They sign in with their email address and this password.</p>
            </>
          ) : (
            <p>They already had an account: they see {pupilName} next time they sign in.</p>
          )}
        </Notice>
      ) : null}
      {outcome?.kind === 'unlinked' ? (
        <Notice title={`${outcome.name} is no longer linked`} headingLevel={3}>
          <p>They can no longer see {pupilName}'s record.</p>
        </Notice>
      ) : null}
      {parents ? (
        parents.length ? (
          <ul className="wm-plain-list">
            {parents.map((parent) => (
              <li key={parent.accountId} className="wm-register-cell">
                <span>
                  <strong>{parent.displayName}</strong> ({parent.email})
                </span>
                <Button variant="secondary" onClick={() => setUnlinking(parent)} disabled={busy}>
                  Unlink<span className="wm-visually-hidden"> {parent.displayName}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p>No parent or carer is linked yet.</p>
        )
      ) : null}

      <h3>Link a parent or carer</h3>
      <ErrorSummary items={problems} attempt={attempt} />
      <form noValidate onSubmit={(event) => void link(event)} aria-label="Link a parent or carer">
        <Field
          id={NAME_ID}
          label="Their name"
          autoComplete="off"
          value={name}
          error={problems.find((item) => item.targetId === NAME_ID)?.message}
          onChange={(event) => setName(event.target.value)}
        />
        <Field
          id={EMAIL_ID}
          label="Their email address"
          hint="They sign in with it. If they already have a Waymark parent account, the pupil is added to it."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          error={problems.find((item) => item.targetId === EMAIL_ID)?.message}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Linking…' : 'Link parent or carer'}
        </Button>
      </form>

      <ConfirmDialog
        open={unlinking !== null}
        title={`Unlink ${unlinking?.displayName ?? ''}?`}
        confirmLabel={busy ? 'Unlinking…' : 'Yes, unlink them'}
        cancelLabel="No, keep the link"
        busy={busy}
        onConfirm={() => void unlink()}
        onCancel={() => setUnlinking(null)}
      >
        <p>
          {unlinking?.displayName} will no longer see {pupilName}'s record. Their account stays, with any other children linked to it.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
