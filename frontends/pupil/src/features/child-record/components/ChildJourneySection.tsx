import { todayInEngland } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Section } from '@waymark/ui';
import { PartProblem } from '../../my-progress/components/PartProblem';
import { PupilJourneyTimeline } from '../../my-journey/components/PupilJourneyTimeline';
import type { JourneyRecord } from '../../my-journey/graphql/myJourney';

/**
 * The child's journey, as they see it on "My journey", for a parent to read: what they went to, their
 * own activities and reflections, and what they agreed with a careers adviser (never the adviser's notes).
 */
export function ChildJourneySection({ child, errors }: { child: JourneyRecord; errors: (field: string) => readonly GraphQLErrorItem[] }) {
  return (
    <Section
      title={`${child.firstName}'s journey`}
      description={`Everything ${child.firstName} has done for their careers, newest first, by school year. Choose an interest or a benchmark to see just those.`}
    >
      <PartProblem items={errors('participations')} what="child's school activities and reflections" />
      <PartProblem items={errors('ownActivities')} what="child's own activities" />
      <PartProblem items={errors('guidanceMeetings')} what="child's agreed actions" />
      <PupilJourneyTimeline source={child} audience={{ kind: 'parent', childName: child.firstName }} view="child" headingLevel={3} today={todayInEngland()} />
    </Section>
  );
}
