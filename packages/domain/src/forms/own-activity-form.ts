import { OWN_ACTIVITY_KINDS } from '../benchmarks.js';
import { parseDay } from '../london-time.js';
import { hoursProblem, textProblem, type FieldProblems } from './text.js';

export const OWN_ACTIVITY_LIMITS = { titleLength: 200, descriptionLength: 2000, hours: 2000 } as const;

export type OwnActivityFormField = 'kind' | 'title' | 'description' | 'startedOn' | 'endedOn' | 'hours';

/** A pupil's own activity as `submitOwnActivity` takes it (NaN hours where the form could not read a number). */
export interface OwnActivityFormValues {
  /** '' until one is chosen. */
  kind: string;
  title: string;
  description?: string | null;
  startedOn: string;
  /** null or '' while it is still going on, or for one day. */
  endedOn?: string | null;
  hours: number;
}

/** Every problem with a pupil's own activity at once; `today` (YYYY-MM-DD, in England) bounds the dates. */
export function checkOwnActivity(values: OwnActivityFormValues, today: string): FieldProblems<OwnActivityFormField> {
  const problems: FieldProblems<OwnActivityFormField> = {};
  if (!Object.hasOwn(OWN_ACTIVITY_KINDS, values.kind)) problems.kind = 'Choose what kind of activity it was';
  const title = textProblem(values.title, {
    missing: 'Say what it was, for example "Saturday job at Greggs"',
    max: OWN_ACTIVITY_LIMITS.titleLength,
    name: 'the name',
  });
  if (title) problems.title = title;
  const started = parseDay(values.startedOn);
  if (!started) problems.startedOn = 'Enter the day it started';
  else if (started > today) problems.startedOn = 'Add it once it has started: the day cannot be in the future';
  if (values.endedOn) {
    const ended = parseDay(values.endedOn);
    if (!ended) problems.endedOn = 'Enter the day it finished, or leave it empty';
    else if (started && ended < started) problems.endedOn = 'The day it finished must be on or after the day it started';
  }
  const hours = hoursProblem(values.hours, OWN_ACTIVITY_LIMITS.hours, 'Enter how many hours in total, for example 6');
  if (hours) problems.hours = hours;
  const description = textProblem(values.description, { max: OWN_ACTIVITY_LIMITS.descriptionLength, name: 'the description', multiline: true });
  if (description) problems.description = description;
  return problems;
}
