import { describe, expect, it } from 'vitest';
import {
  benchmarkLabels,
  benchmarkNameFor,
  buildJourney,
  emptyNextStep,
  filterJourney,
  groupByYear,
  journeyBenchmarks,
  journeyEntries,
  journeyTags,
  NO_JOURNEY_FILTERS,
  readJourneyFilters,
  thingsText,
  writeJourneyFilters,
  type JourneySource,
} from './journey.js';

const PUPIL = { kind: 'pupil' } as const;
const PARENT = { kind: 'parent', childName: 'Maya' } as const;
const STAFF = { kind: 'staff', pupilName: 'Maya Okafor' } as const;

function encounter(id: string, date: string, extra: Partial<NonNullable<NonNullable<JourneySource['participations']>[number]['encounter']>> = {}) {
  return { id, kind: 'EMPLOYER_TALK' as const, title: `Talk ${id}`, kindLabel: 'Employer talk', date, benchmarks: [5], hashtags: [], ...extra };
}

/** Maya in Year 10 (2026 to 2027): two years of activities, her own activities and a guidance meeting. */
const maya: JourneySource = {
  yearGroup: 10,
  interests: ['engineering', 'healthcare'],
  participations: [
    {
      id: 'p1',
      attended: true,
      reflection: 'I want to find out more about apprenticeships.',
      reflectedAt: '2026-10-20T15:00:00.000Z',
      encounter: encounter('software', '2026-10-14T08:30:00.000Z', { title: 'Alumni talk: software', hashtags: ['software', 'engineering'] }),
    },
    {
      id: 'p2',
      attended: true,
      reflection: null,
      reflectedAt: null,
      encounter: encounter('hospital', '2026-09-30T08:30:00.000Z', { kind: 'CURRICULUM_LESSON', benchmarks: [4], hashtags: ['healthcare'] }),
    },
    // Absent: not part of the journey.
    {
      id: 'p3',
      attended: false,
      reflection: null,
      reflectedAt: null,
      encounter: encounter('missed', '2026-11-18T09:30:00.000Z', { hashtags: ['engineering'] }),
    },
    // Last year, in Year 9: a workplace visit at 00:30 on 1 September in England (still 31 August in UTC).
    {
      id: 'p4',
      attended: true,
      reflection: null,
      reflectedAt: null,
      encounter: encounter('site', '2025-08-31T23:30:00.000Z', { kind: 'WORKPLACE_VISIT', benchmarks: [6], hashtags: ['construction'] }),
    },
    { id: 'p5', attended: true, reflection: null, reflectedAt: null, encounter: null },
  ],
  ownActivities: [
    {
      id: 'o1',
      kind: 'PART_TIME_JOB',
      kindLabel: 'Part-time job',
      title: 'Saturday job',
      startedOn: '2026-06-06',
      endedOn: null,
      status: 'SUBMITTED',
      declineReason: null,
    },
    {
      id: 'o2',
      kind: 'UNIVERSITY_OPEN_DAY',
      kindLabel: 'University open day',
      title: 'Open day',
      startedOn: '2026-07-04',
      endedOn: '2026-07-04',
      status: 'DECLINED',
      declineReason: 'No proof of attendance.',
    },
    {
      id: 'o3',
      kind: 'WORK_EXPERIENCE',
      kindLabel: 'Work experience I found',
      title: 'Week at the vet',
      startedOn: '2026-07-10',
      endedOn: '2026-07-14',
      status: 'VERIFIED',
      declineReason: null,
    },
  ],
  guidanceMeetings: [
    {
      id: 'g1',
      date: '2026-11-03T11:00:00.000Z',
      adviserName: 'Dana Whitfield',
      agreedActions: [
        { id: 'a1', text: 'Compare an apprenticeship with A levels', dueOn: '2026-12-19', doneAt: null },
        { id: 'a2', text: 'Sign up for the taster day', dueOn: '2026-11-30', doneAt: '2026-11-10T10:00:00.000Z' },
      ],
    },
  ],
};

const TODAY = '2026-12-06';

describe('journeyEntries', () => {
  it("shows a volunteer's feedback on the encounter to the pupil and staff, never to a parent", () => {
    const withFeedback = {
      ...maya,
      participations: maya.participations!.map((p) => (p.id === 'p1' ? { ...p, volunteerFeedback: [{ text: 'You led the team well.' }] } : p)),
    };
    const detail = (audience: Parameters<typeof journeyEntries>[1]) =>
      journeyEntries(withFeedback, audience).find((entry) => entry.key === 'encounter:p1')?.detail;
    expect(detail(PUPIL)).toBe('Feedback from the volunteer: “You led the team well.”');
    expect(detail(STAFF)).toBe('Feedback from the volunteer: “You led the team well.”');
    expect(detail(PARENT)).toBeNull();
    expect(journeyEntries(maya, PUPIL).find((entry) => entry.key === 'encounter:p1')?.detail).toBeNull();
  });

  it('holds every kind, newest first, and leaves out what the pupil did not attend', () => {
    const entries = journeyEntries(maya, PUPIL);
    expect(entries.map((entry) => entry.key)).toEqual([
      'action:a1',
      'action:a2',
      'reflection:p1',
      'encounter:p1',
      'encounter:p2',
      'own-activity:o3',
      'own-activity:o2',
      'own-activity:o1',
      'encounter:p4',
    ]);
    expect(entries.map((entry) => entry.day)).toEqual([
      '2026-11-03',
      '2026-11-03',
      '2026-10-20',
      '2026-10-14',
      '2026-09-30',
      '2026-07-10',
      '2026-07-04',
      '2026-06-06',
      '2025-09-01',
    ]);
  });

  it('says in plain words what each was, with its benchmarks, hashtags and status', () => {
    const byKey = new Map(journeyEntries(maya, PUPIL).map((entry) => [entry.key, entry]));
    expect(byKey.get('encounter:p1')).toMatchObject({
      title: 'Alumni talk: software',
      what: 'A talk by people from work',
      benchmarks: [5],
      hashtags: ['software', 'engineering'],
      status: { text: 'You wrote a reflection', tone: 'met' },
      link: null,
    });
    expect(byKey.get('encounter:p2')).toMatchObject({
      what: 'A lesson linking a subject to jobs',
      benchmarks: [4],
      status: { text: 'No reflection yet', tone: 'progress' },
      link: { section: 'reflections', text: 'Write a reflection on “Talk hospital” (on My progress)' },
    });
    expect(byKey.get('reflection:p1')).toMatchObject({
      detail: 'I want to find out more about apprenticeships.',
      benchmarks: [5],
      hashtags: ['software', 'engineering'],
    });
  });

  it('counts own activities by kind only while not declined, and says when they still need checking', () => {
    const byKey = new Map(journeyEntries(maya, PUPIL).map((entry) => [entry.key, entry]));
    expect(byKey.get('own-activity:o1')).toMatchObject({ benchmarks: [5], benchmarksNote: 'once the school has checked it', status: { tone: 'progress' } });
    expect(byKey.get('own-activity:o2')).toMatchObject({ benchmarks: [], status: { text: 'Not accepted' }, detail: 'Why: No proof of attendance.' });
    expect(byKey.get('own-activity:o3')).toMatchObject({
      benchmarks: [6],
      benchmarksNote: null,
      status: { text: 'Checked by school: it counts', tone: 'met' },
    });
  });

  it('shows agreed actions ticked or not, towards Benchmark 8, with when one to do is due', () => {
    const byKey = new Map(journeyEntries(maya, PUPIL).map((entry) => [entry.key, entry]));
    expect(byKey.get('action:a1')).toMatchObject({
      benchmarks: [8],
      status: { text: 'To do' },
      dueOn: '2026-12-19',
      what: 'Agreed with Dana Whitfield, your careers adviser',
      link: { section: 'actions' },
    });
    expect(byKey.get('action:a2')).toMatchObject({ status: { text: 'Done', tone: 'met' }, dueOn: null, link: null });
  });

  it('speaks about the child to a parent, with no links into the pupil’s own pages', () => {
    const entries = journeyEntries(maya, PARENT);
    expect(entries.every((entry) => entry.link === null)).toBe(true);
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('encounter:p1')!.status!.text).toBe('Maya wrote a reflection');
    expect(byKey.get('encounter:p2')!.status!.text).toBe('Maya has not written a reflection yet');
    expect(byKey.get('own-activity:o1')!.what).toBe('Part-time job, added by Maya');
    expect(byKey.get('action:a1')!.what).toBe('Agreed with Dana Whitfield, their careers adviser');
  });

  it('speaks about the pupil by name to staff, with no links into the pupil’s own pages', () => {
    const entries = journeyEntries(maya, STAFF);
    expect(entries.every((entry) => entry.link === null)).toBe(true);
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('encounter:p1')!.status!.text).toBe('Maya Okafor wrote a reflection');
    expect(byKey.get('encounter:p2')!.status!.text).toBe('Maya Okafor has not written a reflection yet');
    expect(byKey.get('reflection:p1')!.what).toBe('What Maya Okafor wrote afterwards');
    expect(byKey.get('own-activity:o1')!.what).toBe('Part-time job, added by Maya Okafor');
    expect(byKey.get('action:a1')!.what).toBe('Agreed with Dana Whitfield, their careers adviser');
    expect(entries.some((entry) => /\byou(r)?\b/i.test(`${entry.what} ${entry.status?.text ?? ''}`))).toBe(false);
  });

  it('is empty when nothing could be read', () => {
    expect(journeyEntries({ yearGroup: 8, interests: null, participations: null, ownActivities: null, guidanceMeetings: null }, PUPIL)).toEqual([]);
  });
});

describe('filterJourney', () => {
  const entries = journeyEntries(maya, PUPIL);
  it('narrows by an interest hashtag', () => {
    expect(filterJourney(entries, { tag: 'engineering', benchmark: null }).map((entry) => entry.key)).toEqual(['reflection:p1', 'encounter:p1']);
  });
  it('narrows by a benchmark', () => {
    expect(filterJourney(entries, { tag: null, benchmark: 8 }).map((entry) => entry.key)).toEqual(['action:a1', 'action:a2']);
    expect(filterJourney(entries, { tag: null, benchmark: 5 }).map((entry) => entry.key)).toEqual(['reflection:p1', 'encounter:p1', 'own-activity:o1']);
  });
  it('needs both when both are set', () => {
    expect(filterJourney(entries, { tag: 'healthcare', benchmark: 4 }).map((entry) => entry.key)).toEqual(['encounter:p2']);
    expect(filterJourney(entries, { tag: 'healthcare', benchmark: 5 })).toEqual([]);
  });
  it('lets everything through with no filters', () => {
    expect(filterJourney(entries, NO_JOURNEY_FILTERS)).toHaveLength(entries.length);
  });
});

describe('groupByYear', () => {
  it('groups by school year, newest first, naming the year group then', () => {
    const years = groupByYear(journeyEntries(maya, PUPIL), 10, TODAY);
    expect(years.map((year) => [year.label, year.entries.length])).toEqual([
      ['Year 10 — 2026 to 2027', 5],
      ['Year 9 — 2025 to 2026', 4],
    ]);
  });
  it('names a year by its dates alone before Year 7 or without a year group', () => {
    const entries = journeyEntries(maya, PUPIL);
    expect(groupByYear(entries, null, TODAY).map((year) => year.label)).toEqual(['2026 to 2027', '2025 to 2026']);
    expect(groupByYear(entries, 7, TODAY).map((year) => year.label)).toEqual(['Year 7 — 2026 to 2027', '2025 to 2026']);
  });
});

describe('what can be filtered by', () => {
  const entries = journeyEntries(maya, PUPIL);
  it('offers the interests and every hashtag in the journey, once each, in order', () => {
    expect(journeyTags(entries, maya.interests)).toEqual(['construction', 'engineering', 'healthcare', 'software']);
    expect(journeyTags([], null)).toEqual([]);
  });
  it('offers the benchmarks measured for pupils and any other an entry counts for', () => {
    expect(journeyBenchmarks([])).toEqual([2, 4, 5, 6, 7, 8]);
    expect(journeyBenchmarks([{ ...entries[0], benchmarks: [3] }])).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  it('names each benchmark plainly and officially', () => {
    expect(benchmarkLabels(5)).toEqual({ plain: 'Meeting people from work', official: 'Benchmark 5: Encounters with employers and employees' });
  });
  it('names a benchmark plainly for pupils and parents, officially for staff', () => {
    expect(benchmarkNameFor(3, { kind: 'pupil' })).toBe('Help that fits you (Benchmark 3)');
    expect(benchmarkNameFor(3, { kind: 'parent', childName: 'Maya' })).toBe('Help that fits you (Benchmark 3)');
    expect(benchmarkNameFor(3, { kind: 'staff', pupilName: 'Maya' })).toBe('Benchmark 3: Addressing the needs of each young person');
  });
});

describe('filters in the address', () => {
  it.each([
    ['tag=engineering&benchmark=5', { tag: 'engineering', benchmark: 5 }],
    ['tag=%23Engineering', { tag: 'engineering', benchmark: null }],
    ['benchmark=9&tag=two%20words', { tag: null, benchmark: null }],
    ['benchmark=x', { tag: null, benchmark: null }],
    ['', { tag: null, benchmark: null }],
  ])('%s', (query, filters) => {
    expect(readJourneyFilters(new URLSearchParams(query))).toEqual(filters);
  });
  it('round-trips', () => {
    for (const filters of [NO_JOURNEY_FILTERS, { tag: 'healthcare', benchmark: null }, { tag: null, benchmark: 8 }, { tag: 'nhs', benchmark: 4 }]) {
      const query = writeJourneyFilters(filters);
      expect(readJourneyFilters(new URLSearchParams(query.slice(1)))).toEqual(filters);
    }
    expect(writeJourneyFilters(NO_JOURNEY_FILTERS)).toBe('');
    expect(writeJourneyFilters({ tag: 'nhs', benchmark: 4 })).toBe('?tag=nhs&benchmark=4');
  });
});

describe('counting and empty states', () => {
  it('counts things', () => {
    expect(thingsText(0)).toBe('0 things');
    expect(thingsText(1)).toBe('1 thing');
    expect(thingsText(12)).toBe('12 things');
  });
  it('gives a next step that fits the filter', () => {
    expect(emptyNextStep({ tag: null, benchmark: 8 }, PUPIL)).toBe('Ask your careers leader for a meeting with the careers adviser.');
    expect(emptyNextStep({ tag: 'law', benchmark: 8 }, PUPIL)).toBe(
      'Try the interest or the benchmark on its own. Ask your careers leader for a meeting with the careers adviser.',
    );
    expect(emptyNextStep({ tag: 'law', benchmark: null }, PUPIL)).toMatch(/Coming up.*#law/);
    expect(emptyNextStep({ tag: 'law', benchmark: null }, PARENT)).toMatch(/^Maya can look/);
    expect(emptyNextStep(NO_JOURNEY_FILTERS, PUPIL)).toMatch(/add something you did yourself/);
    expect(emptyNextStep({ tag: null, benchmark: 6 }, STAFF)).toBe(
      'Maya Okafor has nothing towards Benchmark 6 yet: invite them to an activity that counts towards it.',
    );
    expect(emptyNextStep({ tag: 'law', benchmark: null }, STAFF)).toMatch(/^Maya Okafor has nothing about #law/);
    expect(emptyNextStep(NO_JOURNEY_FILTERS, STAFF)).not.toMatch(/\byou\b/i);
  });
  it('builds the filtered journey with its count and the whole journey’s options', () => {
    const journey = buildJourney(maya, PUPIL, { tag: 'engineering', benchmark: null }, TODAY);
    expect(journey.count).toBe(2);
    expect(journey.total).toBe(9);
    expect(journey.years.map((year) => year.label)).toEqual(['Year 10 — 2026 to 2027']);
    expect(journey.tags).toContain('construction');
  });
});
