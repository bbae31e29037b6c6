import { useQuery } from '@waymark/graphql-client';
import { Button, Checkbox, ErrorSummary, Field, Fieldset, Notice, Section } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import { VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/vulnerableGroups';
import { useDebouncedValue } from '../../pupils/hooks/useDebouncedValue';
import { FIND_PUPILS_QUERY, type FoundPupil, type InviteInput, type RegisterChangeResult } from '../graphql/encounter';
import type { ActionOutcome } from '../hooks/useEncounter';
import { inviteOutcome, parseTutorGroups } from '../lib/register';

export interface InviteSectionProps {
  onInvite: (input: Omit<InviteInput, 'encounterId'>) => Promise<ActionOutcome<RegisterChangeResult>>;
}

const SEARCH_ID = 'invite-search';
const YEAR_ID = 'invite-year-7';

/** Adds pupils to the register (as not attended) by year group, tutor group, vulnerable group, or one by one. */
export function InviteSection({ onInvite }: InviteSectionProps) {
  const [years, setYears] = useState<number[]>([]);
  const [tutorGroups, setTutorGroups] = useState('');
  const [groups, setGroups] = useState<VulnerableGroup[]>([]);
  const [picked, setPicked] = useState<FoundPupil[]>([]);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  const term = useDebouncedValue(search.trim());
  const found = useQuery(FIND_PUPILS_QUERY, { search: term }, { skip: term.length < 2 });
  const results = (found.data?.pupils?.edges ?? []).map((edge) => edge.node).filter((pupil) => !picked.some((chosen) => chosen.id === pupil.id));

  const toggle = <T,>(list: T[], value: T, chosen: boolean): T[] => (chosen ? [...new Set([...list, value])] : list.filter((entry) => entry !== value));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      yearGroups: years,
      tutorGroups: parseTutorGroups(tutorGroups),
      groups,
      pupilIds: picked.map((pupil) => pupil.id),
    };
    if (input.yearGroups.length + input.tutorGroups.length + input.groups.length + input.pupilIds.length === 0) {
      setOutcome({ ok: false, text: 'Choose who to invite: a year group, a tutor group, a vulnerable group or a pupil' });
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await onInvite(input);
    setBusy(false);
    if (result.ok) {
      setOutcome({ ok: true, text: inviteOutcome(result.result.added) });
      setYears([]);
      setTutorGroups('');
      setGroups([]);
      setPicked([]);
      setSearch('');
    } else {
      setOutcome({ ok: false, text: result.message });
      setAttempt((count) => count + 1);
    }
  };

  return (
    <Section
      title="Invite pupils"
      description="Add pupils on roll to the register, marked as not attended. Everyone who matches any of your choices is added; pupils already on the register stay as they are."
    >
      <ErrorSummary
        attempt={attempt}
        title="The pupils were not invited"
        items={outcome && !outcome.ok ? [{ message: outcome.text, targetId: outcome.text.startsWith('Choose who') ? YEAR_ID : undefined }] : []}
      />
      {outcome?.ok ? (
        <Notice title="Pupils invited" headingLevel={3}>
          {outcome.text}
        </Notice>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} aria-label="Invite pupils">
        <Fieldset label="Year groups">
          <div className="wm-checkbox-list">
            {YEAR_GROUPS.map((year) => (
              <Checkbox
                key={year}
                id={`invite-year-${year}`}
                label={`Year ${year}`}
                checked={years.includes(year)}
                onChange={(event) => setYears((previous) => toggle(previous, year, event.target.checked).sort((a, b) => a - b))}
              />
            ))}
          </div>
        </Fieldset>
        <Field
          id="invite-tutor-groups"
          label="Tutor groups"
          hint="Separate them with commas, for example: 10N1, 10N2"
          value={tutorGroups}
          autoComplete="off"
          onChange={(event) => setTutorGroups(event.target.value)}
        />
        <Fieldset label="Vulnerable or target groups" hint="Pupils in any of the groups ticked.">
          <div className="wm-checkbox-list">
            {VULNERABLE_GROUPS.map((group) => (
              <Checkbox
                key={group.value}
                label={group.label}
                checked={groups.includes(group.value)}
                onChange={(event) => setGroups((previous) => toggle(previous, group.value, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Field
          id={SEARCH_ID}
          label="Pick pupils by name or UPN"
          hint="Type at least two letters, then add pupils from the list."
          value={search}
          autoComplete="off"
          onChange={(event) => setSearch(event.target.value)}
        />
        {term.length >= 2 ? (
          <div aria-live="polite">
            {found.loading ? <p className="wm-muted">Searching…</p> : null}
            {!found.loading && found.error ? <p className="wm-field__error">The search did not work: {found.error.message}</p> : null}
            {!found.loading && !found.error && results.length === 0 ? <p className="wm-muted">No pupils match “{term}”.</p> : null}
            {results.length ? (
              <ul className="wm-pick-list" aria-label="Pupils found">
                {results.map((pupil) => (
                  <li key={pupil.id}>
                    <span>
                      {pupil.displayName}
                      {pupil.yearGroup != null ? `, Year ${pupil.yearGroup}` : ''}
                      {pupil.tutorGroup ? ` (${pupil.tutorGroup})` : ''}
                    </span>
                    <Button variant="secondary" className="wm-button--small" onClick={() => setPicked((previous) => [...previous, pupil])}>
                      Add<span className="wm-visually-hidden"> {pupil.displayName}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {picked.length ? (
          <>
            <h3>Pupils picked</h3>
            <ul className="wm-pick-list">
              {picked.map((pupil) => (
                <li key={pupil.id}>
                  <span>{pupil.displayName}</span>
                  <Button
                    variant="secondary"
                    className="wm-button--small"
                    onClick={() => setPicked((previous) => previous.filter((entry) => entry.id !== pupil.id))}
                  >
                    Remove<span className="wm-visually-hidden"> {pupil.displayName}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite pupils'}
          </Button>
        </div>
      </form>
    </Section>
  );
}
