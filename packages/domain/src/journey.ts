import { academicYearOfDay } from './academic-year.js';
import { BENCHMARK_MEASURES, GATSBY_BENCHMARKS, MEASURES_FOR_PUPILS, OWN_ACTIVITY_KINDS, type OwnActivityKind } from './benchmarks.js';
import type { EncounterKind } from './encounters.js';
import { dayInEngland } from './london-time.js';

/*
 * "My journey": everything a pupil has done across the years, newest first, grouped by school year, and
 * narrowed by an interest hashtag and by a benchmark. Pure functions, so the pupil's page, a parent's
 * view of their child and the school staff's view of a pupil (careers-leader portal) build the same journey
 * from the same fields.
 */

/** What the journey is built from: `JourneyFields`, or any record with the same fields. */
export interface JourneySource {
  yearGroup: number | null;
  interests: readonly string[] | null;
  participations:
    | readonly {
        id: string;
        attended: boolean;
        reflection: string | null;
        reflectedAt: string | null;
        /** What volunteers wrote for the pupil after a workplace experience (the pupil and their school's staff only). */
        volunteerFeedback?: readonly { text: string }[] | null;
        encounter: {
          id: string;
          kind: EncounterKind;
          title: string;
          kindLabel: string;
          date: string;
          benchmarks: readonly number[];
          hashtags: readonly string[];
        } | null;
      }[]
    | null;
  ownActivities:
    | readonly {
        id: string;
        kind: OwnActivityKind;
        kindLabel: string;
        title: string;
        startedOn: string;
        endedOn: string | null;
        status: 'SUBMITTED' | 'VERIFIED' | 'DECLINED';
        declineReason: string | null;
      }[]
    | null;
  guidanceMeetings:
    | readonly {
        id: string;
        date: string;
        adviserName: string;
        agreedActions: readonly { id: string; text: string; dueOn: string | null; doneAt: string | null }[];
      }[]
    | null;
}

/**
 * Who is reading: the pupil themself, a parent or carer reading their child's journey, or staff of the
 * pupil's school reading a pupil's. Only the pupil gets links (into their own My progress).
 */
export type JourneyAudience = { kind: 'pupil' } | { kind: 'parent'; childName: string } | { kind: 'staff'; pupilName: string };

/** Where on the pupil's My progress an entry can be seen or its next step done. */
export type JourneyLinkSection = 'reflections' | 'own-activities' | 'actions';

export type JourneyEntryKind = 'encounter' | 'own-activity' | 'reflection' | 'action';

export interface JourneyStatus {
  text: string;
  tone: 'met' | 'progress' | 'not-met' | 'plain';
}

export interface JourneyEntry {
  /** Unique across kinds. */
  key: string;
  kind: JourneyEntryKind;
  /** The day it happened (YYYY-MM-DD, in England): what the journey is ordered and grouped by. */
  day: string;
  title: string;
  /** What it was, in plain English. */
  what: string;
  /** The benchmarks it counts towards (or would, once checked: see `benchmarksNote`), in order. */
  benchmarks: number[];
  /** Said beside the benchmarks when they are not certain yet (an activity waiting to be checked). */
  benchmarksNote: string | null;
  hashtags: string[];
  status: JourneyStatus | null;
  /** More words: a reflection, or why an activity was not accepted. */
  detail: string | null;
  /** When an action still to do is due (YYYY-MM-DD). */
  dueOn: string | null;
  /** Where to see it or do the next thing with it, on the pupil's own My progress (for the pupil only). */
  link: { section: JourneyLinkSection; text: string } | null;
}

/** The journey's filters; null means "any". Kept in the address (shared/route.ts). */
export interface JourneyFilters {
  tag: string | null;
  benchmark: number | null;
}

export const NO_JOURNEY_FILTERS: JourneyFilters = { tag: null, benchmark: null };

/** Each benchmark in words an 11-year-old can follow; the official name (`GATSBY_BENCHMARKS`) stays beside it. */
export const BENCHMARKS_FOR_PUPILS: Readonly<Record<number, string>> = {
  1: "Your school's careers plan",
  2: 'Finding out about jobs and where the work is',
  3: 'Help that fits you',
  4: 'Seeing how your subjects link to jobs',
  5: 'Meeting people from work',
  6: 'Time in a workplace',
  7: 'Colleges, sixth forms, universities and apprenticeships',
  8: 'Talks with a careers adviser',
};

/** A benchmark's plain label and its official name ("Benchmark 5: Encounters with employers and employees"). */
export function benchmarkLabels(number: number): { plain: string; official: string } {
  const official = GATSBY_BENCHMARKS.find((benchmark) => benchmark.number === number)?.name;
  return { plain: BENCHMARKS_FOR_PUPILS[number] ?? `Benchmark ${number}`, official: official ? `Benchmark ${number}: ${official}` : `Benchmark ${number}` };
}

/**
 * How a benchmark is named to a reader of a journey: in plain words for a pupil or parent ("Meeting
 * people from work (Benchmark 5)"), by its official name for staff ("Benchmark 5: Encounters with
 * employers and employees"), who work with the official names and for whom "Help that fits you" would
 * be addressed to the wrong person.
 */
export function benchmarkNameFor(number: number, audience: JourneyAudience): string {
  const { plain, official } = benchmarkLabels(number);
  return audience.kind === 'staff' ? official : `${plain} (Benchmark ${number})`;
}

/** What each kind of school activity was, in plain English (the API's `kindLabel` is the staff's word for it). */
const ENCOUNTER_WHAT: Record<EncounterKind, string> = {
  EMPLOYER_TALK: 'A talk by people from work',
  CAREERS_FAIR: 'A careers fair',
  MENTORING: 'Mentoring with someone from work',
  ENTERPRISE_CHALLENGE: 'A business challenge set by an employer',
  MOCK_INTERVIEW: 'A practice job interview',
  WORKPLACE_VISIT: 'A visit to a workplace',
  WORK_SHADOWING: 'Following someone at work for the day',
  WORK_EXPERIENCE: 'A work experience placement',
  SIXTH_FORM_ENCOUNTER: 'Finding out about a sixth form',
  FE_COLLEGE_ENCOUNTER: 'Finding out about a college',
  UNIVERSITY_ENCOUNTER: 'Finding out about a university',
  TRAINING_PROVIDER_ENCOUNTER: 'Finding out about a training provider',
  APPRENTICESHIP_PROVIDER_ENCOUNTER: 'Finding out about apprenticeships',
  UNIVERSITY_VISIT: 'A visit to a university',
  CAREERS_LESSON: 'A careers lesson',
  LMI_SESSION: 'A session about jobs and pay in the area',
  CURRICULUM_LESSON: 'A lesson linking a subject to jobs',
  GUIDANCE_MEETING: 'A one-to-one talk with a careers adviser',
  PARENTS_EVENT: 'A careers event with parents and carers',
};

/** An instant (ISO) or a day (YYYY-MM-DD) as its day in England. */
function dayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayInEngland(new Date(value));
}

const sortedNumbers = (numbers: Iterable<number>) => [...new Set(numbers)].sort((a, b) => a - b);

/** Every entry of the journey, newest first (on the same day: actions, then reflections, then what happened). */
export function journeyEntries(source: JourneySource, audience: JourneyAudience): JourneyEntry[] {
  const pupil = audience.kind === 'pupil';
  const name = audience.kind === 'pupil' ? 'You' : audience.kind === 'parent' ? audience.childName : audience.pupilName;
  const entries: JourneyEntry[] = [];

  for (const participation of source.participations ?? []) {
    const encounter = participation.encounter;
    if (!participation.attended || !encounter) continue;
    const benchmarks = sortedNumbers(encounter.benchmarks);
    const hashtags = [...encounter.hashtags];
    const reflected = !!participation.reflection;
    // A parent never reads a volunteer's words for their child (the encounters subgraph gives them none either).
    const feedback = audience.kind === 'parent' ? [] : (participation.volunteerFeedback ?? []).map((note) => note.text);
    entries.push({
      key: `encounter:${participation.id}`,
      kind: 'encounter',
      day: dayOf(encounter.date),
      title: encounter.title,
      what: ENCOUNTER_WHAT[encounter.kind] ?? encounter.kindLabel,
      benchmarks,
      benchmarksNote: null,
      hashtags,
      status: reflected
        ? { text: `${name} wrote a reflection`, tone: 'met' }
        : { text: pupil ? 'No reflection yet' : `${name} has not written a reflection yet`, tone: 'progress' },
      detail: feedback.length > 0 ? `Feedback from the volunteer: ${feedback.map((text) => `“${text}”`).join(' ')}` : null,
      dueOn: null,
      link: pupil && !reflected ? { section: 'reflections', text: `Write a reflection on “${encounter.title}” (on My progress)` } : null,
    });
    if (reflected) {
      entries.push({
        key: `reflection:${participation.id}`,
        kind: 'reflection',
        day: dayOf(participation.reflectedAt ?? encounter.date),
        title: `Reflection on “${encounter.title}”`,
        what: pupil ? 'What you wrote afterwards' : `What ${name} wrote afterwards`,
        benchmarks,
        benchmarksNote: null,
        hashtags,
        status: null,
        detail: participation.reflection,
        dueOn: null,
        link: pupil ? { section: 'reflections', text: `Change your reflection on “${encounter.title}” (on My progress)` } : null,
      });
    }
  }

  for (const activity of source.ownActivities ?? []) {
    const kindBenchmarks: readonly number[] = OWN_ACTIVITY_KINDS[activity.kind]?.benchmarks ?? [];
    const declined = activity.status === 'DECLINED';
    entries.push({
      key: `own-activity:${activity.id}`,
      kind: 'own-activity',
      day: activity.startedOn,
      title: activity.title,
      what: `${activity.kindLabel}, added by ${pupil ? 'you' : name}`,
      benchmarks: declined ? [] : sortedNumbers(kindBenchmarks),
      benchmarksNote: activity.status === 'SUBMITTED' && kindBenchmarks.length ? 'once the school has checked it' : null,
      hashtags: [],
      status:
        activity.status === 'VERIFIED'
          ? { text: 'Checked by school: it counts', tone: 'met' }
          : activity.status === 'SUBMITTED'
            ? { text: 'Waiting for school to check', tone: 'progress' }
            : { text: 'Not accepted', tone: 'not-met' },
      detail: declined && activity.declineReason ? `Why: ${activity.declineReason}` : null,
      dueOn: null,
      link: pupil ? { section: 'own-activities', text: `See “${activity.title}” with the activities you have added (on My progress)` } : null,
    });
  }

  for (const meeting of source.guidanceMeetings ?? []) {
    for (const action of meeting.agreedActions) {
      const done = !!action.doneAt;
      entries.push({
        key: `action:${action.id}`,
        kind: 'action',
        day: dayOf(meeting.date),
        title: action.text,
        what: `Agreed with ${meeting.adviserName}, ${pupil ? 'your' : 'their'} careers adviser`,
        benchmarks: [8],
        benchmarksNote: null,
        hashtags: [],
        status: done ? { text: 'Done', tone: 'met' } : { text: 'To do', tone: 'plain' },
        detail: null,
        dueOn: done ? null : action.dueOn,
        link: pupil && !done ? { section: 'actions', text: `Tick “${action.text}” off when it is done (on My progress)` } : null,
      });
    }
  }

  const ORDER: Record<JourneyEntryKind, number> = { action: 0, reflection: 1, 'own-activity': 2, encounter: 3 };
  return entries.sort((a, b) => b.day.localeCompare(a.day) || ORDER[a.kind] - ORDER[b.kind] || a.title.localeCompare(b.title));
}

/** The entries the filters let through, in the same order. */
export function filterJourney(entries: readonly JourneyEntry[], filters: JourneyFilters): JourneyEntry[] {
  return entries.filter(
    (entry) => (filters.tag == null || entry.hashtags.includes(filters.tag)) && (filters.benchmark == null || entry.benchmarks.includes(filters.benchmark)),
  );
}

export interface JourneyYear {
  /** By the year it starts in. */
  academicYear: number;
  /** The pupil's year group then, when it can be told. */
  yearGroup: number | null;
  /** "Year 10 — 2025 to 2026" */
  label: string;
  entries: JourneyEntry[];
}

/**
 * Entries (newest first) grouped by school year, newest year first. The year group each year is counted
 * back from the pupil's year group now (`yearGroup`, in the school year of `today`); years before Year 7
 * or with no year group known are named by their dates alone.
 */
export function groupByYear(entries: readonly JourneyEntry[], yearGroup: number | null, today: string): JourneyYear[] {
  const thisYear = academicYearOfDay(today);
  const years: JourneyYear[] = [];
  for (const entry of entries) {
    const academicYear = academicYearOfDay(entry.day);
    let year = years.find((candidate) => candidate.academicYear === academicYear);
    if (!year) {
      const then = yearGroup == null ? null : yearGroup - (thisYear - academicYear);
      const known = then != null && then >= 7 && then <= 13 ? then : null;
      const dates = `${academicYear} to ${academicYear + 1}`;
      year = { academicYear, yearGroup: known, label: known != null ? `Year ${known} — ${dates}` : dates, entries: [] };
      years.push(year);
    }
    year.entries.push(entry);
  }
  return years.sort((a, b) => b.academicYear - a.academicYear);
}

/** The hashtags to filter by: the pupil's interests and every hashtag in the journey, in alphabetical order. */
export function journeyTags(entries: readonly JourneyEntry[], interests: readonly string[] | null): string[] {
  return [...new Set([...(interests ?? []), ...entries.flatMap((entry) => entry.hashtags)])].sort((a, b) => a.localeCompare(b));
}

/** The benchmarks measured for pupils (2, 4, 5, 6, 7, 8) and any other the journey's entries count towards, in order. */
export function journeyBenchmarks(entries: readonly JourneyEntry[]): number[] {
  return sortedNumbers([...BENCHMARK_MEASURES.map((measure) => measure.benchmark), ...entries.flatMap((entry) => entry.benchmarks)]);
}

const TAG = /^[\p{L}\p{N}_-]{1,60}$/u;

/** The filters an address names; anything it cannot read (a benchmark that is not 1 to 8, a tag with spaces) is left out. */
export function readJourneyFilters(params: URLSearchParams): JourneyFilters {
  const tag = (params.get('tag') ?? '').replace(/^#/, '').toLowerCase();
  const benchmark = Number(params.get('benchmark'));
  return {
    tag: TAG.test(tag) ? tag : null,
    benchmark: GATSBY_BENCHMARKS.some((entry) => entry.number === benchmark) ? benchmark : null,
  };
}

/** The address's query for the filters ('' when there are none), in a fixed order. */
export function writeJourneyFilters(filters: JourneyFilters): string {
  const params = new URLSearchParams();
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.benchmark != null) params.set('benchmark', String(filters.benchmark));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** "1 thing", "4 things". */
export function thingsText(count: number): string {
  return `${count} ${count === 1 ? 'thing' : 'things'}`;
}

/**
 * What to do when nothing matches: for a benchmark, the next step of its first measure
 * (MEASURES_FOR_PUPILS), after a hint to try one filter at a time when both are set; for a hashtag
 * alone, where to find activities about it.
 */
export function emptyNextStep(filters: JourneyFilters, audience: JourneyAudience): string {
  if (audience.kind === 'staff') return staffNextStep(filters, audience.pupilName);
  if (filters.benchmark != null) {
    const measure = BENCHMARK_MEASURES.find((entry) => entry.benchmark === filters.benchmark);
    const both = filters.tag != null ? 'Try the interest or the benchmark on its own. ' : '';
    if (measure) return `${both}${MEASURES_FOR_PUPILS[measure.key].nextStep}`;
  }
  if (filters.tag != null) {
    return audience.kind === 'pupil'
      ? `Look at “Coming up” on My progress for activities about #${filters.tag}, or ask your careers leader about them.`
      : `${audience.childName} can look at “Coming up” in their own account for activities about #${filters.tag}.`;
  }
  return audience.kind === 'pupil'
    ? 'Go to a careers activity at school, or add something you did yourself on My progress.'
    : `When ${audience.childName} goes to careers activities, or adds something they did themselves, it will show here.`;
}

/** For staff: what the school could offer next, in the careers leader's terms. */
function staffNextStep(filters: JourneyFilters, pupilName: string): string {
  if (filters.benchmark != null) {
    const both = filters.tag != null ? 'Try the interest or the benchmark on its own. ' : '';
    return `${both}${pupilName} has nothing towards Benchmark ${filters.benchmark} yet: invite them to an activity that counts towards it.`;
  }
  if (filters.tag != null) return `${pupilName} has nothing about #${filters.tag} yet: invite them to an activity about it.`;
  return `When ${pupilName} goes to careers activities, or adds something they did themselves, it will show here.`;
}

/** The whole journey for a reader: filtered entries by school year, the count, and what can be filtered by. */
export function buildJourney(
  source: JourneySource,
  audience: JourneyAudience,
  filters: JourneyFilters,
  today: string,
): { years: JourneyYear[]; count: number; total: number; tags: string[]; benchmarks: number[] } {
  const all = journeyEntries(source, audience);
  const shown = filterJourney(all, filters);
  return {
    years: groupByYear(shown, source.yearGroup, today),
    count: shown.length,
    total: all.length,
    tags: journeyTags(all, source.interests),
    benchmarks: journeyBenchmarks(all),
  };
}
