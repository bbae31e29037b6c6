import { OWN_ACTIVITY_KINDS as KINDS, OWN_ACTIVITY_KIND_KEYS, checkOwnActivity } from '@waymark/domain';
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

/** The kinds a pupil can choose, with the labels the API uses for them and a hint each (from @waymark/domain). */
export const OWN_ACTIVITY_KINDS: readonly { value: OwnActivityKind; label: string; hint: string }[] = OWN_ACTIVITY_KIND_KEYS.map((value) => ({
  value,
  label: KINDS[value].label,
  hint: KINDS[value].hint,
}));

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
  return participations.filter((entry) => entry.encounter && entry.reflection).sort((a, b) => Date.parse(b.encounter!.date) - Date.parse(a.encounter!.date));
}

export interface ActionWithMeeting extends AgreedAction {
  meetingDate: string;
  adviserName: string;
}

/** Every agreed action: those still to do first (soonest due first), then those done. */
export function agreedActions(meetings: readonly PupilGuidanceMeeting[]): ActionWithMeeting[] {
  const all = meetings.flatMap((meeting) =>
    meeting.agreedActions.map((action) => ({ ...action, meetingDate: meeting.date, adviserName: meeting.adviserName })),
  );
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

/** Problems with the draft, keyed by field: the rules the API runs too (`checkOwnActivity` of @waymark/domain). */
export function validateOwnActivity(draft: OwnActivityDraft, today: string): OwnActivityErrors {
  return checkOwnActivity({ ...toSubmitOwnActivityInput(draft), kind: draft.kind, hours: draft.hours.trim() === '' ? Number.NaN : Number(draft.hours) }, today);
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
