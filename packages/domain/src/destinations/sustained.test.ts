import { describe, expect, it } from 'vitest';
import { InvalidActivitySpellError, checkActivitySpell, type ActivitySpell } from './activity-spells.js';
import { destinationYears, hasLeftYear11, year11LeavingYear, type SustainedStatus } from './sustained.js';

// Every case is a Year 11 leaver of summer 2024: destination year 1 runs from August 2024 to July 2025.
const LEFT = 2024;
const LATER = '2027-09-01';

const college = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'EDUCATION', providerKind: 'FE_COLLEGE', startsOn, endsOn });
const job = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'EMPLOYMENT_WITHOUT_TRAINING', startsOn, endsOn });
const apprenticeship = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'APPRENTICESHIP', apprenticeshipLevel: 3, startsOn, endsOn });
const neet = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'NEET_AVAILABLE', startsOn, endsOn });

interface Case {
  name: string;
  why: string;
  spells: ActivitySpell[];
  today?: string;
  status: SustainedStatus;
  main: ActivitySpell['activity'] | null;
  reason: string;
}

const year1: Case[] = [
  {
    name: 'college from 1 October to 31 March exactly',
    why: 'the edges count: 1 October is in October and 31 March in March, so all six months are covered',
    spells: [college('2024-10-01', '2025-03-31')],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'college that ends on 30 September',
    why: 'a spell ending the day before 1 October covers no day of October, nor any later month',
    spells: [college('2024-09-04', '2024-09-30')],
    status: 'NOT_SUSTAINED',
    main: 'EDUCATION',
    reason: 'Not sustained: no education, employment or apprenticeship from October 2024 to March 2025',
  },
  {
    name: 'college that starts on 1 April',
    why: 'nothing from October to March; April is outside the two terms',
    spells: [college('2025-04-01', '2025-07-18')],
    status: 'NOT_SUSTAINED',
    main: 'EDUCATION',
    reason: 'Not sustained: no education, employment or apprenticeship from October 2024 to March 2025',
  },
  {
    name: 'college that ends on 1 March',
    why: 'one day in March is participation in March (a month counts when any day of it is covered)',
    spells: [college('2024-09-04', '2025-03-01')],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'college until Christmas, then a job from 6 January',
    why: 'neither alone covers the six months, but together they leave no month out',
    spells: [college('2024-09-04', '2024-12-20'), job('2025-01-06', null)],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education, employment or an apprenticeship every month from October 2024 to March 2025, without a gap',
  },
  {
    name: 'college until Christmas, then a job from 3 February',
    why: 'January has neither education nor employment',
    spells: [college('2024-09-04', '2024-12-20'), job('2025-02-03', null)],
    status: 'NOT_SUSTAINED',
    main: 'EDUCATION',
    reason: 'Not sustained: not in education, employment or an apprenticeship in January 2025',
  },
  {
    name: 'a job from 4 November',
    why: 'employment needs five of the six months, and November to March is five',
    spells: [job('2024-11-04', null)],
    status: 'SUSTAINED',
    main: 'EMPLOYMENT_WITHOUT_TRAINING',
    reason: 'Sustained: in employment for 5 of the 6 months from October 2024 to March 2025',
  },
  {
    name: 'a job from 2 December',
    why: 'four months of employment are not enough, and October and November are empty',
    spells: [job('2024-12-02', null)],
    status: 'NOT_SUSTAINED',
    main: 'EMPLOYMENT_WITHOUT_TRAINING',
    reason: 'Not sustained: not in education, employment or an apprenticeship in October 2024 and November 2024',
  },
  {
    name: 'an apprenticeship starting in May',
    why: 'May, June and July are three months in a row inside year 1; six are needed',
    spells: [apprenticeship('2025-05-12', null)],
    status: 'NOT_SUSTAINED',
    main: 'APPRENTICESHIP',
    reason:
      'Not sustained: no education, employment or apprenticeship from October 2024 to March 2025; the apprenticeship ran 3 months in a row (May 2025 to July 2025), and 6 are needed',
  },
  {
    name: 'an apprenticeship from February to July',
    why: 'six months in a row at any time from August to July sustains an apprenticeship, even though October to January are empty',
    spells: [apprenticeship('2025-02-03', '2025-07-31')],
    status: 'SUSTAINED',
    main: 'APPRENTICESHIP',
    reason: 'Sustained: on an apprenticeship for 6 months in a row (February 2025 to July 2025)',
  },
  {
    name: 'a NEET December between two college spells',
    why: 'December has no participation',
    spells: [college('2024-09-04', '2024-11-29'), neet('2024-11-30', '2024-12-31'), college('2025-01-06', '2025-07-18')],
    status: 'NOT_SUSTAINED',
    main: 'EDUCATION',
    reason: 'Not sustained: not in education, employment or an apprenticeship in December 2024',
  },
  {
    name: 'a NEET month recorded inside a college spell',
    why: 'NEET means in none of them, so its days are taken out of the college spell, leaving December empty',
    spells: [college('2024-09-04', '2025-07-18'), neet('2024-12-01', '2024-12-31')],
    status: 'NOT_SUSTAINED',
    main: 'EDUCATION',
    reason: 'Not sustained: not in education, employment or an apprenticeship in December 2024',
  },
  {
    name: 'a NEET fortnight inside a college spell',
    why: 'the college spell still covers other days of December, so December counts',
    spells: [college('2024-09-04', '2025-07-18'), neet('2024-12-01', '2024-12-14')],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'overlapping college and part-time job',
    why: 'studying and working at once both count; education alone already covers every month',
    spells: [college('2024-09-04', '2025-07-18'), job('2024-11-01', '2025-02-28')],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'two overlapping college spells',
    why: 'a change of college recorded with a few days of overlap is still education every month',
    spells: [college('2024-09-04', '2025-01-10'), { ...college('2025-01-06', null), providerKind: 'SIXTH_FORM_COLLEGE' }],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'a college spell with no end date',
    why: 'an open spell runs up to today, which is long after March',
    spells: [college('2024-09-04', null)],
    status: 'SUSTAINED',
    main: 'EDUCATION',
    reason: 'Sustained: in education every month from October 2024 to March 2025',
  },
  {
    name: 'a college spell with no end date, asked in January',
    why: 'the months after today have not happened, so the answer waits for March to end',
    spells: [college('2024-09-04', null)],
    today: '2025-01-15',
    status: 'TOO_EARLY',
    main: 'EDUCATION',
    reason: 'Too early to tell: October 2024 to March 2025 has not finished yet',
  },
  {
    name: 'an apprenticeship from February, asked in May',
    why: 'four months in a row so far, and by July it could reach six',
    spells: [apprenticeship('2025-02-03', null)],
    today: '2025-05-20',
    status: 'TOO_EARLY',
    main: 'APPRENTICESHIP',
    reason: 'Too early to tell: the apprenticeship has run 4 months in a row so far, and 6 in a row by July 2025 would make it sustained',
  },
  {
    name: 'an apprenticeship from March, asked in May',
    why: 'even running on to July it makes five months in a row, so the year is settled',
    spells: [apprenticeship('2025-03-03', null)],
    today: '2025-05-20',
    status: 'NOT_SUSTAINED',
    main: 'APPRENTICESHIP',
    reason:
      'Not sustained: not in education, employment or an apprenticeship in October 2024, November 2024, December 2024, January 2025 and February 2025; the apprenticeship ran 3 months in a row (March 2025 to May 2025), and 6 are needed',
  },
  {
    name: 'a leaver with nothing recorded',
    why: 'no spell at all: the year is not known rather than not sustained',
    spells: [],
    status: 'NOT_KNOWN',
    main: null,
    reason: 'Not known: nothing is recorded from August 2024 to July 2025',
  },
  {
    name: 'NEET all year',
    why: 'NEET is recorded, so the year is known and not sustained',
    spells: [neet('2024-09-01', null)],
    status: 'NOT_SUSTAINED',
    main: 'NEET_AVAILABLE',
    reason: 'Not sustained: no education, employment or apprenticeship from October 2024 to March 2025',
  },
];

describe('destinationYears: destination year 1 (August 2024 to July 2025)', () => {
  it.each(year1)('$name: $why', ({ spells, today, status, main, reason }) => {
    const [first] = destinationYears(LEFT, spells, today ?? LATER).years;
    expect(first).toMatchObject({ year: 1, from: '2024-08-01', to: '2025-07-31', status, sustained: status === 'SUSTAINED', mainActivity: main, reason });
    // Asked for year 1 alone (as the figures do), the same year and September.
    const alone = destinationYears(LEFT, spells, today ?? LATER, [1]);
    expect(alone.years).toEqual([first]);
    expect(alone.september).toEqual(destinationYears(LEFT, spells, today ?? LATER).september);
  });
});

describe('destinationYears: years 2 and 3', () => {
  it('moves the October-to-March window on a year at a time', () => {
    const { years } = destinationYears(LEFT, [college('2024-09-04', '2026-07-17'), job('2026-07-20', '2026-12-31')], LATER);
    expect(years.map((y) => [y.year, y.from, y.status])).toEqual([
      [1, '2024-08-01', 'SUSTAINED'],
      [2, '2025-08-01', 'SUSTAINED'],
      [3, '2026-08-01', 'NOT_SUSTAINED'],
    ]);
    expect(years[1].reason).toBe('Sustained: in education every month from October 2025 to March 2026');
    expect(years[2]).toMatchObject({
      mainActivity: 'EMPLOYMENT_WITHOUT_TRAINING',
      reason: 'Not sustained: not in education, employment or an apprenticeship in January 2027, February 2027 and March 2027',
    });
  });

  it('says a year that has not started yet is too early to tell', () => {
    const { years } = destinationYears(LEFT, [college('2024-09-04', null)], '2025-06-30');
    expect(years.map((y) => y.status)).toEqual(['SUSTAINED', 'TOO_EARLY', 'TOO_EARLY']);
    expect(years[2].reason).toBe('Too early to tell: this year starts in August 2026');
  });

  it('gives the main spell of the main activity, with its details', () => {
    const { years } = destinationYears(LEFT, [apprenticeship('2024-09-02', null)], LATER);
    expect(years[0].mainSpell).toMatchObject({ activity: 'APPRENTICESHIP', apprenticeshipLevel: 3 });
  });
});

describe('destinationYears: the September destination', () => {
  const cases: { name: string; why: string; spells: ActivitySpell[]; today?: string; activity: string | null; reason: string }[] = [
    {
      name: 'college starting on 4 September',
      why: 'any day of September counts',
      spells: [college('2024-09-04', null)],
      activity: 'EDUCATION',
      reason: 'In September 2024: education (further education college), from 2024-09-04',
    },
    {
      name: 'a summer job ending on 31 August, then college from 9 September',
      why: 'the summer job covers no day of September',
      spells: [job('2024-07-01', '2024-08-31'), college('2024-09-09', null)],
      activity: 'EDUCATION',
      reason: 'In September 2024: education (further education college), from 2024-09-09',
    },
    {
      name: 'NEET until 15 September, then an apprenticeship',
      why: 'participation in September wins over a NEET spell in the same month',
      spells: [neet('2024-07-20', '2024-09-15'), apprenticeship('2024-09-16', null)],
      activity: 'APPRENTICESHIP',
      reason: 'In September 2024: apprenticeship (level 3), from 2024-09-16',
    },
    {
      name: 'college starting in October',
      why: 'nothing covers September',
      spells: [college('2024-10-07', null)],
      activity: null,
      reason: 'Nothing is recorded for September 2024',
    },
    {
      name: 'asked in August of the leaving year',
      why: 'September has not begun',
      spells: [college('2024-09-04', null)],
      today: '2024-08-20',
      activity: null,
      reason: 'Too early to tell: September 2024 has not begun',
    },
  ];
  it.each(cases)('$name: $why', ({ spells, today, activity, reason }) => {
    expect(destinationYears(LEFT, spells, today ?? LATER).september).toMatchObject({ activity, reason });
  });
});

describe('spell validation', () => {
  it('refuses a spell that ends before it starts, saying which days', () => {
    const attempt = () => destinationYears(LEFT, [college('2024-09-04', '2024-08-01')], LATER);
    expect(attempt).toThrow(InvalidActivitySpellError);
    expect(attempt).toThrow('A spell cannot end before it starts: it starts on 2024-09-04 but ends on 2024-08-01');
    // Also when no year is asked for, as when a confirmation file's spells are only checked.
    expect(() => destinationYears(LEFT, [college('2024-09-04', '2024-08-01')], LATER, [])).toThrow(InvalidActivitySpellError);
  });

  it.each([
    { why: 'education needs a kind of place', spell: { activity: 'EDUCATION', startsOn: '2024-09-04' }, field: 'providerKind' },
    {
      why: 'an apprenticeship needs a level from 2 to 7',
      spell: { activity: 'APPRENTICESHIP', apprenticeshipLevel: 8, startsOn: '2024-09-04' },
      field: 'apprenticeshipLevel',
    },
    {
      why: 'a job has no level',
      spell: { activity: 'EMPLOYMENT_WITH_TRAINING', apprenticeshipLevel: 3, startsOn: '2024-09-04' },
      field: 'apprenticeshipLevel',
    },
    { why: 'an unknown activity', spell: { activity: 'HOLIDAY', startsOn: '2024-09-04' }, field: 'activity' },
    { why: 'a day that does not exist', spell: { activity: 'NOT_KNOWN', startsOn: '2024-02-30' }, field: 'startsOn' },
  ])('names the field when $why', ({ spell, field }) => {
    expect(Object.keys(checkActivitySpell(spell))).toEqual([field]);
  });

  it('accepts a same-day spell', () => {
    expect(checkActivitySpell(job('2024-09-04', '2024-09-04'))).toEqual({});
  });
});

describe('year11LeavingYear and hasLeftYear11', () => {
  it.each([
    { dob: '2008-09-01', year: 2025, why: 'the oldest in the year: Year 7 in September 2020, Year 11 ends in summer 2025' },
    { dob: '2009-08-31', year: 2025, why: 'the youngest in the same year' },
    { dob: '2009-09-01', year: 2026, why: 'a day later is the next year group' },
  ])('$dob finishes Year 11 in $year: $why', ({ dob, year }) => {
    expect(year11LeavingYear(dob)).toBe(year);
  });

  it('counts a pupil as having left Year 11 from 1 June of that summer', () => {
    expect(hasLeftYear11(2025, '2025-05-31')).toBe(false);
    expect(hasLeftYear11(2025, '2025-06-01')).toBe(true);
  });
});
