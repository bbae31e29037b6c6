import { describe, expect, it } from 'vitest';
import type { FollowUpEntry } from '../graphql/destinations';
import { leaversFor, namedProblems, recordedFor } from './bulkChoice';
import { EMPTY_SPELL, toRecordActivitySpellsInput } from './spellDraft';

const entry = (name: string, status: FollowUpEntry['status'], needsConsent = false): FollowUpEntry => ({
  pupil: { id: name, displayName: name },
  leavingYear: 2025,
  status,
  needsConsent,
  activity: null,
  lastKnownOn: null,
  reason: '',
});
const list = [
  entry('Ada', 'NEET'),
  entry('Ben', 'NOT_KNOWN'),
  entry('Cal', 'NOTHING_FOR_TODAY'),
  entry('Dee', 'NOTHING_RECORDED'),
  entry('Eve', 'NOTHING_RECORDED', true),
  entry('Fay', 'NEET', true),
];

describe('choosing leavers for one status', () => {
  it('picks by what is known of them today, never those whose agreement is needed first', () => {
    expect(leaversFor(list, 'NEET')).toEqual(['Ada']);
    expect(leaversFor(list, 'NOT_KNOWN')).toEqual(['Ben', 'Cal']);
    expect(leaversFor(list, 'NOTHING_RECORDED')).toEqual(['Dee']);
  });

  it('names each refused leaver, and says how many were recorded', () => {
    expect(
      namedProblems(list, [
        { pupilId: 'Ben', message: 'They have not finished Year 11 yet.' },
        { pupilId: 'gone', message: 'Not yours.' },
      ]),
    ).toEqual(['Ben: They have not finished Year 11 yet.', 'A leaver: Not yours.']);
    expect(recordedFor(1)).toBe('Spell recorded for 1 leaver.');
    expect(recordedFor(2)).toBe('Spell recorded for 2 leavers.');
  });

  it('sends the same spell for everyone chosen', () => {
    const draft = {
      ...EMPTY_SPELL,
      activity: 'EDUCATION' as const,
      providerKind: 'FE_COLLEGE' as const,
      apprenticeshipLevel: '3',
      startsOn: '2025-09-04',
      confirmed: true,
    };
    expect(toRecordActivitySpellsInput(['Ada', 'Ben'], draft)).toEqual({
      pupilIds: ['Ada', 'Ben'],
      activity: 'EDUCATION',
      providerKind: 'FE_COLLEGE',
      apprenticeshipLevel: null,
      provider: null,
      startsOn: '2025-09-04',
      endsOn: null,
      source: 'STAFF',
      confirmed: true,
    });
  });
});
