import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Section } from '@waymark/ui';
import type { PupilGuidanceMeeting } from '../../my-progress/graphql/myProgress';
import { agreedActions } from '../../my-progress/lib/progress';
import { AgreedWhen } from '../../my-progress/components/ActionsSection';
import { PartProblem } from '../../my-progress/components/PartProblem';

/** What the child agreed to do in guidance meetings, for a parent to read (the child ticks them off). */
export function ChildActionsSection({
  childName,
  meetings,
  errors,
}: {
  childName: string;
  meetings: PupilGuidanceMeeting[] | null;
  errors: readonly GraphQLErrorItem[];
}) {
  const actions = agreedActions(meetings ?? []);
  return (
    <Section
      title={`Things ${childName} agreed to do`}
      description={`From ${childName}'s meetings with a careers adviser. ${childName} ticks each one off when it is done.`}
    >
      <PartProblem items={errors} what="agreed actions" />
      {meetings ? (
        actions.length ? (
          <ul className="wm-plain-list">
            {actions.map((action) => (
              <li key={action.id}>
                <span className={action.doneAt ? 'wm-tag wm-tag--met' : 'wm-tag'}>{action.doneAt ? 'Done' : 'To do'}</span> {action.text}
                <AgreedWhen action={action} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="wm-muted">No agreed actions yet.</p>
        )
      ) : null}
    </Section>
  );
}
