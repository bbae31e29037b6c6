import { ProgressBar, Section } from '@waymark/ui';
import type { WorkExperienceTally } from '../graphql/myProgress';
import { WORK_EXPERIENCE_TARGET_HOURS, WORK_EXPERIENCE_YEAR_9_HOURS, workExperienceText } from '../lib/progress';

/** Hours of work experience so far against the ten days (50 hours) every pupil should have by the end of Year 11. */
export function WorkExperienceSection({ tally }: { tally: WorkExperienceTally }) {
  const hours = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return (
    <Section
      title="Work experience"
      description={`Every pupil should have ten days (${WORK_EXPERIENCE_TARGET_HOURS} hours) of work experience by the end of Year 11: about five days in Years 7 to 9 and a placement in Years 10 and 11.`}
    >
      <ProgressBar label="Work experience so far" value={tally.hoursTotal} max={WORK_EXPERIENCE_TARGET_HOURS} valueText={workExperienceText(tally)} />
      <ul className="wm-plain-list">
        <li>
          Years 7 to 9: {hours(tally.hoursYears7to9)} of {WORK_EXPERIENCE_YEAR_9_HOURS} hours
        </li>
        <li>
          Years 10 and 11: {hours(tally.hoursYears10to11)} of {WORK_EXPERIENCE_TARGET_HOURS - WORK_EXPERIENCE_YEAR_9_HOURS} hours
        </li>
      </ul>
    </Section>
  );
}
