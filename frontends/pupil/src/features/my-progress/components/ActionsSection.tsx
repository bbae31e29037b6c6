import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { DateText, Section } from '@waymark/ui';
import { useOptimistic, useState, useTransition } from 'react';
import type { PupilGuidanceMeeting } from '../graphql/myProgress';
import { agreedActions, type ActionWithMeeting } from '../lib/progress';
import { PartProblem } from './PartProblem';
import { PROGRESS_SECTION_IDS } from '../../../shared/route';

export interface ActionsSectionProps {
  meetings: PupilGuidanceMeeting[] | null;
  errors: readonly GraphQLErrorItem[];
  onDone: (actionId: string, done: boolean) => Promise<string | null>;
}

/** " (agreed with Sam Lee on 3/11/2026, by 1/12/2026)": who an action was agreed with, when, and by when. */
export function AgreedWhen({ action }: { action: ActionWithMeeting }) {
  return (
    <span className="wm-muted">
      {' '}
      (agreed with {action.adviserName} on <DateText value={action.meetingDate} />
      {action.dueOn ? (
        <>
          , by <DateText value={action.dueOn} />
        </>
      ) : null}
      )
    </span>
  );
}

/** What the pupil agreed to do in guidance meetings; they tick each one off when it is done. */
export function ActionsSection({ meetings, errors, onDone }: ActionsSectionProps) {
  const [problem, setProblem] = useState<string | null>(null);
  // The box shows the new state at once, while it is saved; it goes back if saving fails.
  const [optimistic, setOptimistic] = useOptimistic<Record<string, boolean>, { id: string; done: boolean }>({}, (state, change) => ({
    ...state,
    [change.id]: change.done,
  }));
  const [, startTransition] = useTransition();
  const actions = agreedActions(meetings ?? []);
  return (
    <Section
      title="Things you agreed to do"
      headingId={PROGRESS_SECTION_IDS.actions}
      description="From your meetings with a careers adviser. Tick each one when you have done it."
    >
      <PartProblem items={errors} what="agreed actions" />
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {meetings ? (
        actions.length ? (
          <ul className="wm-plain-list">
            {actions.map((action) => (
              <li key={action.id}>
                <label className="wm-checkbox">
                  <input
                    type="checkbox"
                    checked={optimistic[action.id] ?? !!action.doneAt}
                    onChange={(event) => {
                      const done = event.target.checked;
                      startTransition(async () => {
                        setOptimistic({ id: action.id, done });
                        setProblem(await onDone(action.id, done));
                      });
                    }}
                  />
                  <span>
                    {action.text}
                    <AgreedWhen action={action} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="wm-muted">You have no agreed actions yet.</p>
        )
      ) : null}
    </Section>
  );
}
