import { PLAN_ITEM_STATUS_WORDS } from '@waymark/domain';
import { useQuery } from '@waymark/graphql-client';
import { Button, ConfirmDialog, ErrorSummary, formatDate, Loading, SelectField, SummaryList } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { routeHref } from '../../../shared/route';
import { groupLabel } from '../../../shared/vulnerableGroups';
import { PLAN_ENCOUNTER_CHOICES_QUERY, type PlanHalfTerm, type PlanItem, type PlanItemInput } from '../graphql/programme';
import type { SaveProblem } from '../hooks/useProgrammePlan';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { cdiAreaLabel, draftOf, listText, STATUS_TAGS } from '../lib/programme';
import { PlanItemForm } from './PlanItemForm';

export interface PlanItemActions {
  canEdit: boolean;
  /** The year's half terms, to move an activity to another when it is changed. */
  halfTerms: readonly PlanHalfTerm[];
  onUpdate: (itemId: string, input: PlanItemInput) => Promise<SaveProblem>;
  onLink: (itemId: string, encounterId: string) => Promise<SaveProblem>;
  onUnlink: (itemId: string, encounterId: string) => Promise<SaveProblem>;
  onRemove: (itemId: string) => Promise<SaveProblem>;
}

/** One planned activity: what it is, who it is for, its status in words and by symbol, and the encounters that delivered it. */
export function PlanItemCard({
  item,
  halfTerm,
  canEdit,
  halfTerms,
  onUpdate,
  onLink,
  onUnlink,
  onRemove,
}: { item: PlanItem; halfTerm: PlanHalfTerm } & PlanItemActions) {
  const [linking, setLinking] = useState(false);
  const [changing, setChanging] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const [refocusChange, setRefocusChange] = useState(false);
  useEffect(() => {
    if (changing || !refocusChange) return;
    changeButton.current?.focus();
    setRefocusChange(false);
  }, [changing, refocusChange]);
  const closeChanging = () => {
    setChanging(false);
    setRefocusChange(true);
  };
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const words = PLAN_ITEM_STATUS_WORDS[item.status];
  // Focus goes back to the button that opened the form, once it is rendered again (an animation
  // frame could come before React renders it, and then focus was lost).
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (linking || !refocus) return;
    linkButton.current?.focus();
    setRefocus(false);
  }, [linking, refocus]);
  const closeLinking = () => {
    setLinking(false);
    setRefocus(true);
  };
  const act = async (change: () => Promise<SaveProblem>) => {
    setProblem(null);
    const answer = await change();
    if (answer) setProblem(answer.message);
  };

  const details = [
    { term: 'Year groups', value: formatYearGroups(item.yearGroups) },
    { term: 'For', value: item.forGroups.length === 0 ? 'All pupils' : listText(item.forGroups.map(groupLabel)) },
    { term: 'Benchmarks', value: listText(item.benchmarks.map((b) => `Benchmark ${b}`)) },
    ...(item.cdiAreas.length > 0 ? [{ term: 'CDI framework areas', value: listText(item.cdiAreas.map(cdiAreaLabel)) }] : []),
    ...(item.deliveredBy ? [{ term: 'Delivered by', value: item.deliveredBy }] : []),
    ...(item.startsOn || item.endsOn ? [{ term: 'Dates', value: [item.startsOn, item.endsOn].filter(Boolean).map(formatDate).join(' to ') }] : []),
    ...(item.purpose ? [{ term: 'Purpose', value: item.purpose }] : []),
    ...(item.learningOutcomes ? [{ term: 'Learning outcomes', value: item.learningOutcomes }] : []),
    ...(item.sendAdaptations ? [{ term: 'SEND adaptations', value: item.sendAdaptations }] : []),
  ];

  return (
    <li
      className={item.status === 'DELIVERED' ? 'wm-card--met' : item.status === 'PLANNED' ? 'wm-card--progress' : undefined}
      style={{ overflowWrap: 'anywhere' }}
    >
      <h3>{item.title}</h3>
      <p>
        <span className={STATUS_TAGS[item.status]}>
          <span aria-hidden="true">{words.symbol}</span> {words.label}
        </span>
        {item.copied ? <span className="wm-muted"> Copied from last year</span> : null}
      </p>
      <SummaryList items={details} />
      <h4>Encounters that delivered it</h4>
      {item.encounters.length === 0 ? (
        <p className="wm-muted">{item.status === 'SLIPPED' ? 'Nothing was linked and the half term is over.' : 'No encounter linked yet.'}</p>
      ) : (
        <ul className="wm-plain-list">
          {item.encounters.map((encounter) => (
            <li key={encounter.id}>
              <a href={routeHref({ view: 'encounter', encounterId: encounter.id })}>{encounter.title}</a> on {formatDate(encounter.date)}{' '}
              {canEdit ? (
                <Button variant="secondary" className="wm-button--small" onClick={() => void act(() => onUnlink(item.id, encounter.id))}>
                  Unlink<span className="wm-visually-hidden"> {encounter.title}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {canEdit && linking && !changing ? (
        <LinkEncounterForm
          item={item}
          halfTerm={halfTerm}
          onLink={async (encounterId) => {
            const answer = await onLink(item.id, encounterId);
            if (!answer) closeLinking();
            return answer;
          }}
          onCancel={closeLinking}
        />
      ) : null}
      {canEdit && changing ? (
        <PlanItemForm
          academicYear={item.academicYear}
          halfTerms={halfTerms}
          initial={draftOf(item)}
          label={`Change ${item.title}`}
          idPrefix={`plan-${item.id}`}
          onSave={async (input) => {
            const answer = await onUpdate(item.id, input);
            if (!answer) closeChanging();
            return answer;
          }}
          onCancel={closeChanging}
        />
      ) : null}
      {canEdit && !linking && !changing ? (
        <div className="wm-button-row">
          <Button ref={changeButton} variant="secondary" onClick={() => setChanging(true)}>
            Change<span className="wm-visually-hidden"> {item.title}</span>
          </Button>
          <Button ref={linkButton} variant="secondary" onClick={() => setLinking(true)}>
            Link an encounter<span className="wm-visually-hidden"> to {item.title}</span>
          </Button>
          <Button variant="secondary" onClick={() => setRemoving(true)}>
            Remove<span className="wm-visually-hidden"> {item.title}</span>
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={removing}
        title="Remove this planned activity?"
        confirmLabel={busy ? 'Removing…' : 'Yes, remove it'}
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={() => {
          setBusy(true);
          void act(() => onRemove(item.id)).finally(() => {
            setBusy(false);
            setRemoving(false);
          });
        }}
        onCancel={() => setRemoving(false)}
      >
        <p>
          “{item.title}” will be taken off the plan for {halfTerm.label}. The encounters linked to it stay on the school&apos;s record.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** Choose one of the school's encounters in the item's half term. */
function LinkEncounterForm({
  item,
  halfTerm,
  onLink,
  onCancel,
}: {
  item: PlanItem;
  halfTerm: PlanHalfTerm;
  onLink: (encounterId: string) => Promise<SaveProblem>;
  onCancel: () => void;
}) {
  const choices = useQuery(PLAN_ENCOUNTER_CHOICES_QUERY, { from: halfTerm.startsOn, to: halfTerm.endsOn });
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const id = `plan-link-${item.id}`;
  const options = (choices.data?.encounters?.edges ?? [])
    .map((edge) => edge.node)
    .filter((encounter) => !item.encounters.some((linked) => linked.id === encounter.id))
    .map((encounter) => ({ value: encounter.id, label: `${encounter.title} (${formatDate(encounter.date)})` }));
  const ready = !!choices.data;
  useEffect(() => {
    if (ready) select.current?.focus();
  }, [ready]);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) {
      setError('Choose the encounter that delivered it');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const problem = await onLink(chosen);
    setBusy(false);
    if (problem) {
      setError(problem.fields[0]?.message ?? problem.message);
      setAttempt((n) => n + 1);
    }
  };

  if (choices.loading && !choices.data) return <Loading label={`Loading the encounters of ${halfTerm.label}…`} />;
  return (
    <form className="wm-form" noValidate aria-label={`Link an encounter to ${item.title}`} onSubmit={(event) => void submit(event)}>
      <ErrorSummary attempt={attempt} items={error ? [{ message: error, targetId: id }] : []} />
      {options.length === 0 ? (
        <p>There are no other encounters recorded in {halfTerm.label} yet. Record the encounter first, then link it here.</p>
      ) : (
        <SelectField
          ref={select}
          id={id}
          label={`Encounter in ${halfTerm.label}`}
          placeholder="Choose an encounter"
          options={options}
          value={chosen}
          error={error ?? undefined}
          onChange={(event) => setChosen(event.target.value)}
        />
      )}
      <div className="wm-button-row">
        {options.length > 0 ? (
          <Button type="submit" disabled={busy}>
            {busy ? 'Linking…' : 'Link encounter'}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
