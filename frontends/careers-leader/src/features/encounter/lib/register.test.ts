import { describe, expect, it } from 'vitest';
import type { RegisterEntry } from '../graphql/encounter';
import {
  canDecline,
  importOutcome,
  inviteOutcome,
  keepOnRegister,
  markOf,
  meaningfulText,
  parseTutorGroups,
  registerCounts,
  selectAll,
  sortRegister,
  toggleOne,
} from './register';

const entry = (id: string, name: string, yearGroup: number, tutorGroup: string, extra: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id: `part-${id}`,
  attended: true,
  declined: false,
  meaningful: false,
  reflection: null,
  reflectedAt: null,
  groupReflectionOn: null,
  pupil: { id, displayName: name, upn: null, yearGroup, tutorGroup },
  ...extra,
});

describe('sortRegister', () => {
  it('orders by year group, tutor group, then name', () => {
    const sorted = sortRegister([entry('a', 'Zac', 10, '10N2'), entry('b', 'Amy', 11, '11N1'), entry('c', 'Bea', 10, '10N1'), entry('d', 'Al', 10, '10N1')]);
    expect(sorted.map((row) => row.pupil?.displayName)).toEqual(['Al', 'Bea', 'Zac', 'Amy']);
  });
});

describe('meaningfulText', () => {
  it('explains what is missing', () => {
    const row = { groupReflectionOn: null };
    expect(meaningfulText({ ...row, attended: true, meaningful: true, reflection: 'Good' }, true)).toBe('Yes');
    expect(meaningfulText({ ...row, attended: false, meaningful: false, reflection: null }, true)).toBe('No: did not attend');
    expect(meaningfulText({ ...row, attended: true, meaningful: false, reflection: 'Good' }, false)).toBe('Not yet: the checklist is not complete');
    expect(meaningfulText({ ...row, attended: true, meaningful: false, reflection: null }, true)).toBe('Not yet: no reflection recorded');
    // Reflection time with the group meets the reflection point too: what is missing is then the checklist.
    expect(meaningfulText({ attended: true, meaningful: false, reflection: null, groupReflectionOn: '2026-10-05' }, false)).toBe(
      'Not yet: the checklist is not complete',
    );
  });
});

describe('declined', () => {
  const college = { kind: 'FE_COLLEGE_ENCOUNTER', date: '2026-11-10T10:00:00Z' };
  const now = new Date('2026-12-06T12:00:00Z');
  it('is for provider encounters of pupils in Years 12–13 at the time', () => {
    expect(canDecline(college, 12, now)).toBe(true);
    expect(canDecline(college, 13, now)).toBe(true);
    expect(canDecline(college, 11, now)).toBe(false);
    expect(canDecline({ ...college, kind: 'EMPLOYER_TALK' }, 12, now)).toBe(false);
    expect(canDecline(college, null, now)).toBe(false);
    // Last academic year this Year 13 pupil was in Year 12; the Year 12 pupil was in Year 11.
    expect(canDecline({ ...college, date: '2026-03-10T10:00:00Z' }, 13, now)).toBe(true);
    expect(canDecline({ ...college, date: '2026-03-10T10:00:00Z' }, 12, now)).toBe(false);
  });

  it('reads a mark, and says why a declined place does not count as meaningful', () => {
    expect(markOf({ attended: true, declined: false })).toBe('attended');
    expect(markOf({ attended: false, declined: true })).toBe('declined');
    expect(markOf({ attended: false, declined: false })).toBe('absent');
    expect(meaningfulText({ attended: false, declined: true, meaningful: false, reflection: null, groupReflectionOn: null }, true)).toBe('No: chose not to go');
    expect(registerCounts([entry('a', 'Al', 12, '12A', { attended: false, declined: true }), entry('b', 'Bo', 12, '12A')])).toMatchObject({
      invited: 2,
      attended: 1,
      declined: 1,
    });
  });
});

describe('selection', () => {
  it('selects and clears everyone, keeping the rest', () => {
    const all = selectAll(new Set(['x']), ['a', 'b'], true);
    expect([...all].sort()).toEqual(['a', 'b', 'x']);
    expect([...selectAll(all, ['a', 'b'], false)]).toEqual(['x']);
    expect([...toggleOne(new Set(['a']), 'a', false)]).toEqual([]);
    expect([...toggleOne(new Set(), 'b', true)]).toEqual(['b']);
  });

  it('forgets pupils no longer on the register', () => {
    expect([...keepOnRegister(new Set(['a', 'gone']), ['a', 'b'])]).toEqual(['a']);
  });
});

describe('registerCounts', () => {
  it('counts attendance, reflections and meaningful participations', () => {
    expect(
      registerCounts([
        entry('a', 'A', 9, '9A', { meaningful: true, reflection: 'r' }),
        entry('b', 'B', 9, '9A', { attended: false }),
        entry('c', 'C', 9, '9A', { reflection: 'r' }),
        entry('d', 'D', 9, '9A', { meaningful: true, groupReflectionOn: '2026-10-05' }),
      ]),
    ).toEqual({ invited: 4, attended: 3, declined: 0, meaningful: 2, reflected: 2, groupReflected: 1 });
  });
});

describe('parseTutorGroups', () => {
  it('reads a typed list of tutor groups', () => {
    expect(parseTutorGroups(' 10n1, 10N2 ;; 11b 10N1')).toEqual(['10N1', '10N2', '11B']);
    expect(parseTutorGroups('  ')).toEqual([]);
  });
});

describe('outcomes', () => {
  it('says what happened', () => {
    expect(inviteOutcome(0)).toBe('Everyone who matched is already on the register.');
    expect(inviteOutcome(1)).toBe('1 pupil was added to the register, marked as not attended.');
    expect(importOutcome({ added: 2, changed: 1, unchanged: 0 })).toBe('Register imported: 2 pupils added, 1 changed, 0 already as in the file.');
  });
});
