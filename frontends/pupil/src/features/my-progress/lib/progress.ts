import type {
  AgreedAction,
  BenchmarkState,
  Evidence,
  MeasureStatus,
  OwnActivityKind,
  OwnActivityStatus,
  PupilGuidanceMeeting,
  ReflectableParticipation,
  SubmitOwnActivityInput,
  UpcomingEncounter,
  WorkExperienceTally,
} from '../graphql/myProgress';

/** How a measure stands, in words for a pupil. */
export const STATE_TEXT: Record<BenchmarkState, string> = {
  MET: 'Done',
  IN_PROGRESS: 'Part-way there',
  NOT_MET: 'Not yet',
  NOT_APPLICABLE: 'Not for you yet',
};

export const OWN_ACTIVITY_KINDS: readonly { value: OwnActivityKind; label: string; hint: string }[] = [
  { value: 'PART_TIME_JOB', label: 'Part-time job', hint: 'Paid work, such as a Saturday job' },
  { value: 'WORK_EXPERIENCE', label: 'Work experience', hint: 'Time at a workplace you arranged yourself' },
  { value: 'UNIVERSITY_OPEN_DAY', label: 'University open day', hint: 'A visit to a university, in person or online' },
  { value: 'VOLUNTEERING', label: 'Volunteering', hint: 'Unpaid work for a charity, club or community group' },
  { value: 'OTHER', label: 'Something else', hint: 'Any other careers activity' },
];

export const STATUS_TEXT: Record<OwnActivityStatus, string> = {
  SUBMITTED: 'Waiting for school to check',
  VERIFIED: 'Checked by school: it counts',
  DECLINED: 'Not accepted',
};

/** The measures that apply to the pupil now (in the engine's order), and those that come later. */
export function splitMeasures(measures: readonly MeasureStatus[]): { current: MeasureStatus[]; later: MeasureStatus[] } {
  return {
    current: measures.filter((measure) => measure.state !== 'NOT_APPLICABLE'),
    later: measures.filter((measure) => measure.state === 'NOT_APPLICABLE'),
  };
}

const newestFirst = <T extends { date: string }>(items: readonly T[]) => [...items].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));

/** What counted towards a measure and what did not, newest first. */
export function splitEvidence(evidence: readonly Evidence[]): { counted: Evidence[]; notCounted: Evidence[] } {
  return {
    counted: newestFirst(evidence.filter((item) => item.counts)),
    notCounted: newestFirst(evidence.filter((item) => !item.counts)),
  };
}

/** Hours towards the work-experience guarantee: 50 hours (10 days) by the end of Year 11, about half by the end of Year 9. */
export const WORK_EXPERIENCE_TARGET_HOURS = 50;
export const WORK_EXPERIENCE_YEAR_9_HOURS = 25;

export function workExperienceText(tally: WorkExperienceTally): string {
  const days = tally.days.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const hours = tally.hoursTotal.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return `${hours} of ${WORK_EXPERIENCE_TARGET_HOURS} hours (${days} of 10 days)`;
}

/** Activities the pupil went to that are over and have no reflection yet, newest first. */
export function waitingForReflection(participations: readonly ReflectableParticipation[], now: Date): ReflectableParticipation[] {
  return participations
    .filter((entry) => entry.attended && entry.encounter && !entry.reflection && Date.parse(entry.encounter.date) <= now.getTime())
    .sort((a, b) => Date.parse(b.encounter!.date) - Date.parse(a.encounter!.date));
}

/** Activities the pupil has reflected on, newest first. */
export function reflectedOn(participations: readonly ReflectableParticipation[]): ReflectableParticipation[] {
  return participations
    .filter((entry) => entry.encounter && entry.reflection)
    .sort((a, b) => Date.parse(b.encounter!.date) - Date.parse(a.encounter!.date));
}

export interface ActionWithMeeting extends AgreedAction {
  meetingDate: string;
  adviserName: string;
}

/** Every agreed action: those still to do first (soonest due first), then those done. */
export function agreedActions(meetings: readonly PupilGuidanceMeeting[]): ActionWithMeeting[] {
  const all = meetings.flatMap((meeting) => meeting.agreedActions.map((action) => ({ ...action, meetingDate: meeting.date, adviserName: meeting.adviserName })));
  const due = (action: ActionWithMeeting) => action.dueOn ?? '9999-12-31';
  return all.sort((a, b) => Number(!!a.doneAt) - Number(!!b.doneAt) || due(a).localeCompare(due(b)) || Date.parse(b.meetingDate) - Date.parse(a.meetingDate));
}

export function soonestFirst(encounters: readonly UpcomingEncounter[]): UpcomingEncounter[] {
  return [...encounters].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

export interface OwnActivityDraft {
  kind: OwnActivityKind | '';
  title: string;
  description: string;
  startedOn: string;
  endedOn: string;
  hours: string;
}

export type OwnActivityField = keyof OwnActivityDraft;
export type OwnActivityErrors = Partial<Record<OwnActivityField, string>>;

export const EMPTY_OWN_ACTIVITY: OwnActivityDraft = { kind: '', title: '', description: '', startedOn: '', endedOn: '', hours: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(value));

export function validateOwnActivity(draft: OwnActivityDraft, today: string): OwnActivityErrors {
  const errors: OwnActivityErrors = {};
  if (!draft.kind) errors.kind = 'Choose what kind of activity it was';
  if (!draft.title.trim()) errors.title = 'Say what it was, for example "Saturday job at Greggs"';
  else if (draft.title.trim().length > 200) errors.title = 'Keep the name to 200 characters or fewer';
  if (!isDay(draft.startedOn)) errors.startedOn = 'Enter the day it started';
  else if (draft.startedOn > today) errors.startedOn = 'Add it once it has started: the day cannot be in the future';
  if (draft.endedOn) {
    if (!isDay(draft.endedOn)) errors.endedOn = 'Enter the day it finished, or leave it empty';
    else if (isDay(draft.startedOn) && draft.endedOn < draft.startedOn) errors.endedOn = 'The day it finished must be on or after the day it started';
  }
  const hours = Number(draft.hours);
  if (draft.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0) errors.hours = 'Enter how many hours in total, for example 6';
  else if (hours > 2000) errors.hours = 'Hours must be 2,000 or fewer';
  if (draft.description.length > 2000) errors.description = 'Keep the description to 2,000 characters or fewer';
  return errors;
}

export function toSubmitOwnActivityInput(draft: OwnActivityDraft): SubmitOwnActivityInput {
  return {
    kind: draft.kind as OwnActivityKind,
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    startedOn: draft.startedOn,
    endedOn: draft.endedOn || null,
    hours: Number(draft.hours),
  };
}
