import { describe, expect, it } from 'vitest';
import type { Evidence, MeasureStatus, ReflectableParticipation } from '../graphql/myProgress';
import {
  agreedActions,
  EMPTY_OWN_ACTIVITY,
  reflectedOn,
  soonestFirst,
  splitEvidence,
  splitMeasures,
  toSubmitOwnActivityInput,
  validateOwnActivity,
  waitingForReflection,
  workExperienceText,
} from './progress';

const measure = (name: string, state: MeasureStatus['state']): MeasureStatus => ({
  measure: name as MeasureStatus['measure'],
  benchmark: 5,
  label: name,
  state,
  count: 0,
  needed: 1,
  detail: '',
  evidence: [],
});

describe('splitMeasures', () => {
  it('keeps what applies now apart from what comes later, in order', () => {
    const { current, later } = splitMeasures([measure('a', 'MET'), measure('b', 'NOT_APPLICABLE'), measure('c', 'NOT_MET'), measure('d', 'IN_PROGRESS')]);
    expect(current.map((entry) => entry.measure)).toEqual(['a', 'c', 'd']);
    expect(later.map((entry) => entry.measure)).toEqual(['b']);
  });
});

describe('splitEvidence', () => {
  it('separates what counted from what did not, newest first', () => {
    const item = (title: string, date: string, counts: boolean): Evidence => ({
      title,
      kindLabel: 'Talk',
      date,
      counts,
      reason: counts ? null : 'No reflection yet',
      attendance: 'ATTENDED',
    });
    const { counted, notCounted } = splitEvidence([item('old', '2025-10-01', true), item('new', '2026-01-01', true), item('skip', '2025-11-01', false)]);
    expect(counted.map((entry) => entry.title)).toEqual(['new', 'old']);
    expect(notCounted.map((entry) => entry.title)).toEqual(['skip']);
  });
});

describe('workExperienceText', () => {
  it('says the hours and days against the target', () => {
    expect(workExperienceText({ hoursYears7to9: 10, hoursYears10to11: 2.5, hoursTotal: 12.5, days: 2.5 })).toBe('12.5 of 50 hours (2.5 of 10 days)');
  });
});

describe('reflections', () => {
  const part = (id: string, date: string, attended: boolean, reflection: string | null): ReflectableParticipation => ({
    id,
    attended,
    reflection,
    reflectedAt: null,
    encounter: { id: `e-${id}`, title: id, kindLabel: 'Talk', date },
  });
  const participations = [
    part('a', '2026-01-10T10:00:00Z', true, null),
    part('b', '2026-02-10T10:00:00Z', true, null),
    part('absent', '2026-02-11T10:00:00Z', false, null),
    part('future', '2026-05-01T10:00:00Z', true, null),
    part('done', '2026-01-01T10:00:00Z', true, 'I learnt a lot'),
  ];

  it('asks for reflections on what the pupil went to, once it has happened', () => {
    expect(waitingForReflection(participations, new Date('2026-03-01T00:00:00Z')).map((entry) => entry.id)).toEqual(['b', 'a']);
  });

  it('lists the reflections already written', () => {
    expect(reflectedOn(participations).map((entry) => entry.id)).toEqual(['done']);
  });
});

describe('agreedActions', () => {
  it('puts actions still to do first, soonest due first', () => {
    const actions = agreedActions([
      {
        id: 'm1',
        date: '2026-01-01T12:00:00Z',
        adviserName: 'Sam',
        agreedActions: [
          { id: 'done', text: 'd', dueOn: '2026-01-05', doneAt: '2026-01-04T10:00:00Z' },
          { id: 'later', text: 'l', dueOn: null, doneAt: null },
          { id: 'soon', text: 's', dueOn: '2026-02-01', doneAt: null },
        ],
      },
    ]);
    expect(actions.map((action) => action.id)).toEqual(['soon', 'later', 'done']);
    expect(actions[0].adviserName).toBe('Sam');
  });
});

describe('soonestFirst', () => {
  it('orders upcoming encounters by date', () => {
    const upcoming = soonestFirst([
      { id: 'b', title: 'b', kindLabel: 'k', date: '2026-04-02T10:00:00Z', hasTime: true, endsAt: null, location: null, hashtags: [] },
      { id: 'a', title: 'a', kindLabel: 'k', date: '2026-04-01T10:00:00Z', hasTime: true, endsAt: null, location: null, hashtags: [] },
    ]);
    expect(upcoming.map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});

describe('own activities', () => {
  const today = '2026-03-04';
  const draft = { kind: 'PART_TIME_JOB' as const, title: ' Saturday job ', description: '  ', startedOn: '2025-09-06', endedOn: '', hours: '40' };

  it('accepts a complete activity and sends it tidied', () => {
    expect(validateOwnActivity(draft, today)).toEqual({});
    expect(toSubmitOwnActivityInput(draft)).toEqual({
      kind: 'PART_TIME_JOB',
      title: 'Saturday job',
      description: null,
      startedOn: '2025-09-06',
      endedOn: null,
      hours: 40,
    });
  });

  it('names every problem', () => {
    expect(validateOwnActivity(EMPTY_OWN_ACTIVITY, today)).toEqual({
      kind: 'Choose what kind of activity it was',
      title: 'Say what it was, for example "Saturday job at Greggs"',
      startedOn: 'Enter the day it started',
      hours: 'Enter how many hours in total, for example 6',
    });
    expect(validateOwnActivity({ ...draft, startedOn: '2026-03-05' }, today).startedOn).toMatch(/future/);
    expect(validateOwnActivity({ ...draft, endedOn: '2025-09-01' }, today).endedOn).toMatch(/on or after/);
    expect(validateOwnActivity({ ...draft, hours: '-1' }, today).hours).toMatch(/how many hours/);
  });
});
