import { describe, expect, it } from 'vitest';
import type { ActivitySpell } from './activity-spells.js';
import { followUpOf } from './follow-up.js';

const college = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'EDUCATION', providerKind: 'FE_COLLEGE', startsOn, endsOn });
const neet = (startsOn: string, endsOn: string | null): ActivitySpell => ({ activity: 'NEET_AVAILABLE', startsOn, endsOn });

describe('followUpOf (a leaver of summer 2024, asked on 15 January 2025 unless said)', () => {
  it.each([
    { why: 'in college today: nothing to do', spells: [college('2024-09-04', null)], today: '2025-01-15', expected: null },
    {
      why: 'NEET since December',
      spells: [college('2024-09-04', '2024-11-29'), neet('2024-12-02', null)],
      today: '2025-01-15',
      expected: { activity: 'NEET_AVAILABLE', lastKnownOn: null, reason: 'Not in education, employment or training (available) since 2024-12-02' },
    },
    {
      why: 'a college spell that ended, with nothing after it',
      spells: [college('2024-09-04', '2024-12-20')],
      today: '2025-01-15',
      expected: { activity: null, lastKnownOn: '2024-12-20', reason: 'Nothing recorded since 2024-12-20' },
    },
    {
      why: 'a newer spell wins over an older one still open',
      spells: [neet('2024-09-01', null), college('2024-10-07', null)],
      today: '2025-01-15',
      expected: null,
    },
    {
      why: 'nothing yet before a place that starts later',
      spells: [college('2025-02-03', null)],
      today: '2025-01-15',
      expected: { activity: null, lastKnownOn: null, reason: 'Nothing recorded before education (further education college) from 2025-02-03' },
    },
    { why: 'past the three destination years: no longer followed', spells: [neet('2024-09-01', null)], today: '2027-08-01', expected: null },
    { why: 'no spells at all: not on this list', spells: [], today: '2025-01-15', expected: null },
  ])('$why', ({ spells, today, expected }) => {
    expect(followUpOf(2024, spells, today)).toEqual(expected);
  });
});
