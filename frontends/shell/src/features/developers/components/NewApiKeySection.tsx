import { CreateTrustApiKeyDocument, useMutation } from '@waymark/graphql-client';
import { Button, Checkbox, ErrorSummary, Field, Fieldset, Notice, Section, type ErrorSummaryItem } from '@waymark/ui';
import { useId, useState, type SubmitEvent } from 'react';
import { apiKeyFormProblems, SCOPE_CHOICES } from '../apiKeyForm';

/** Making a key: a name and what it may do; the secret is shown once, here. */
export function NewApiKeySection({ onCreated }: { onCreated: () => void }) {
  const [createKey, creating] = useMutation(CreateTrustApiKeyDocument);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const nameId = useId();
  const scopesId = useId();
  const targetOf = (field: string) => (field === 'name' ? nameId : `${scopesId}-${SCOPE_CHOICES[0].scope}`);

  const fail = (found: { field: string; message: string }[]) => {
    setProblems(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMade(null);
    const found = apiKeyFormProblems(name, scopes);
    if (found.length > 0) return fail(found);
    const { data, error } = await createKey({ input: { name: name.trim(), scopes } });
    const result = data?.createApiCredential;
    if (error || !result || result.error || !result.secret) {
      const fields = result?.error?.fields ?? [];
      return fail(fields.length > 0 ? fields : [{ field: 'name', message: error?.message ?? result?.error?.message ?? 'The key was not made. Try again.' }]);
    }
    setProblems([]);
    setMade({ name: name.trim(), secret: result.secret });
    setName('');
    setScopes([]);
    onCreated();
  };

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const summary: ErrorSummaryItem[] = problems.map((problem) => ({ message: problem.message, targetId: targetOf(problem.field) }));

  return (
    <Section title="Make a key" description="Make one key for each system, with only what it needs.">
      {made ? (
        <Notice title={`${made.name} is ready`} headingLevel={3}>
          <p>Copy the key now and keep it in the system's secret store. Waymark will not show it again.</p>
          <p>
            <code style={{ overflowWrap: 'anywhere' }}>{made.secret}</code>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary items={summary} attempt={attempt} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Make a key">
        <Field
          id={nameId}
          label="Name"
          hint="For example, MIS roster sync or Power BI reports."
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errorFor('name')}
          maxLength={120}
        />
        <Fieldset label="What the key may do" error={errorFor('scopes')}>
          {SCOPE_CHOICES.map((choice) => (
            <Checkbox
              key={choice.scope}
              id={`${scopesId}-${choice.scope}`}
              checked={scopes.includes(choice.scope)}
              onChange={(event) =>
                setScopes((current) => (event.target.checked ? [...current, choice.scope] : current.filter((scope) => scope !== choice.scope)))
              }
              label={
                <>
                  {choice.label} (<code>{choice.scope}</code>): {choice.hint}
                </>
              }
            />
          ))}
        </Fieldset>
        <Button type="submit" disabled={creating.loading}>
          Make key
        </Button>
      </form>
    </Section>
  );
}
