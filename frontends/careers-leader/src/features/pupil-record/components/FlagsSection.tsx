import { useMutation, type GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, Checkbox, ConfirmDialog, DataTable, DateText, ErrorPanel, Fieldset, isForbidden, Notice, Section, type Column } from '@waymark/ui';
import { useRef, useState } from 'react';
import { groupLabel, VULNERABLE_GROUPS } from '../../../shared/vulnerableGroups';
import { SET_PUPIL_FLAGS_MUTATION, type FlagChange, type PupilRecord } from '../graphql/pupilRecord';
import { draftFrom, flagEdits, sourceLabel, toFlagInput, type FlagDraft } from '../lib/flags';
import { SectionProblem } from './SectionProblem';

export interface FlagsSectionProps {
  pupil: PupilRecord;
  flagErrors: readonly GraphQLErrorItem[];
  historyErrors: readonly GraphQLErrorItem[];
  /** Staff of the pupil's current school may change them. */
  editable: boolean;
  /** After a change is saved: reload the record, so the history shows it. */
  onSaved: () => Promise<void>;
}

const FORBIDDEN = 'Only staff at the school this pupil attends now can see their vulnerable and target groups.';

const historyColumns: Column<FlagChange>[] = [
  { key: 'when', header: 'Date', render: (change) => <DateText value={change.changedAt} /> },
  { key: 'group', header: 'Group', rowHeader: true, render: (change) => groupLabel(change.group) },
  { key: 'change', header: 'Change', render: (change) => (change.value ? 'Added to the group' : 'Removed from the group') },
  { key: 'source', header: 'Source', render: (change) => sourceLabel(change.source) },
  { key: 'by', header: 'Changed by', render: (change) => change.changedBy ?? <span className="wm-muted">Not recorded</span> },
];

/** The pupil's vulnerable and target groups, their history, and (for staff) a way to change them with a confirmation. */
export function FlagsSection({ pupil, flagErrors, historyErrors, editable, onSaved }: FlagsSectionProps) {
  const flags = pupil.flags;
  const [draft, setDraft] = useState<FlagDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [nothingChanged, setNothingChanged] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [setFlags, mutation] = useMutation(SET_PUPIL_FLAGS_MUTATION);
  const failureRef = useRef<HTMLDivElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  const edits = flags && draft ? flagEdits(flags, draft) : [];
  const history = [...(pupil.flagHistory ?? [])].sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));

  const startEditing = () => {
    if (!flags) return;
    setDraft(draftFrom(flags));
    setSaved(false);
    setFailure(null);
    setNothingChanged(false);
  };

  const review = () => {
    if (edits.length === 0) {
      setNothingChanged(true);
      return;
    }
    setNothingChanged(false);
    setConfirming(true);
  };

  const confirm = async () => {
    const { data, error } = await setFlags({ input: { pupilId: pupil.id, flags: toFlagInput(edits) } });
    setConfirming(false);
    const problem = error?.message ?? data?.setPupilFlags.error?.message ?? (data?.setPupilFlags.pupil ? null : 'The groups were not changed.');
    if (problem) {
      setFailure(problem);
      requestAnimationFrame(() => failureRef.current?.focus());
      return;
    }
    setDraft(null);
    setSaved(true);
    await onSaved();
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };

  const inGroups = flags ? VULNERABLE_GROUPS.filter((group) => flags[group.flag]) : [];
  const added = edits.filter((edit) => edit.value);
  const removed = edits.filter((edit) => !edit.value);

  return (
    <Section
      title="Vulnerable and target groups"
      description="Sensitive: only staff at this pupil's school can see these. Every change is kept in the history below."
    >
      <SectionProblem items={flagErrors} what="vulnerable and target groups" forbiddenText={FORBIDDEN} />
      {saved ? (
        <Notice title="Groups updated" headingLevel={3}>
          The change is recorded in the history below.
        </Notice>
      ) : null}
      {failure ? (
        <div ref={failureRef} tabIndex={-1}>
          <ErrorPanel title="The groups were not changed" headingLevel={3}>
            {failure}
          </ErrorPanel>
        </div>
      ) : null}

      {flags && !draft ? (
        <>
          {inGroups.length ? (
            <>
              <p>
                {pupil.firstName} is in {inGroups.length === 1 ? 'this group' : `these ${inGroups.length} groups`}:
              </p>
              <ul className="wm-tag-list">
                {inGroups.map((group) => (
                  <li key={group.value} className="wm-tag">
                    {group.label}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{pupil.firstName} is not in any vulnerable or target group.</p>
          )}
          {flags.neetRiskScore != null ? (
            <p>
              NEET risk score: <strong>{flags.neetRiskScore}</strong>
            </p>
          ) : null}
          {editable ? (
            <div className="wm-button-row">
              <Button ref={editButtonRef} variant="secondary" onClick={startEditing}>
                Change groups
              </Button>
            </div>
          ) : null}
        </>
      ) : null}

      {flags && draft ? (
        <form
          noValidate
          aria-label="Change vulnerable and target groups"
          onSubmit={(event) => {
            event.preventDefault();
            review();
          }}
        >
          <Fieldset
            label={`Groups ${pupil.displayName} is in`}
            hint="Tick every group that applies now."
            error={nothingChanged ? 'You have not changed any group' : undefined}
          >
            <div className="wm-checkbox-list">
              {VULNERABLE_GROUPS.map((group) => (
                <Checkbox
                  key={group.value}
                  label={group.label}
                  name="flags"
                  value={group.value}
                  checked={draft[group.flag]}
                  onChange={(event) => {
                    setNothingChanged(false);
                    setDraft({ ...draft, [group.flag]: event.target.checked });
                  }}
                />
              ))}
            </div>
          </Fieldset>
          <div className="wm-button-row">
            <Button type="submit">Save changes</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(null);
                setNothingChanged(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={`Change ${pupil.displayName}'s groups?`}
        confirmLabel={mutation.loading ? 'Saving…' : 'Yes, change the groups'}
        cancelLabel="No, go back"
        busy={mutation.loading}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        {added.length ? (
          <>
            <p>Add to:</p>
            <ul>
              {added.map((edit) => (
                <li key={edit.group}>{edit.label}</li>
              ))}
            </ul>
          </>
        ) : null}
        {removed.length ? (
          <>
            <p>Remove from:</p>
            <ul>
              {removed.map((edit) => (
                <li key={edit.group}>{edit.label}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          Staff at your school will see the change straight away, and it is recorded in the pupil's history with your name and today's date. Reports by group
          use the new groups from now on.
        </p>
      </ConfirmDialog>

      {/* When both are refused, saying so once is enough. */}
      {isForbidden(flagErrors) && isForbidden(historyErrors) ? null : (
        <>
          <h3>History of changes</h3>
          <SectionProblem items={historyErrors} what="group history" forbiddenText={FORBIDDEN} />
        </>
      )}
      {pupil.flagHistory ? (
        <DataTable
          caption="Changes to this pupil's groups, newest first"
          captionHidden
          columns={historyColumns}
          rows={history}
          rowKey={(change) => `${change.changedAt}-${change.group}-${String(change.value)}`}
          emptyText="No changes have been recorded."
        />
      ) : null}
    </Section>
  );
}
