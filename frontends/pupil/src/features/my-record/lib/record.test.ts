import { describe, expect, it } from 'vitest';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { attendedActivities, recordFigures } from './record';
import { toPdfRecord } from './recordDownload';

const record: PupilRecordView = {
  id: 'p1',
  displayName: 'Maya Okafor',
  firstName: 'Maya',
  yearGroup: 10,
  tutorGroup: '10B',
  dateOfBirth: '2011-03-02',
  school: { name: 'Northfield Academy' },
  participations: [
    {
      id: 'a',
      attended: true,
      reflection: 'I liked the engineers',
      reflectedAt: '2026-02-11T12:00:00Z',
      encounter: { id: 'e1', title: 'Fair', kindLabel: 'Careers fair', date: '2026-02-10T12:00:00Z', benchmarks: [7, 5] },
    },
    {
      id: 'b',
      attended: false,
      reflection: null,
      reflectedAt: null,
      encounter: { id: 'e2', title: 'Missed talk', kindLabel: 'Employer talk', date: '2026-03-10T12:00:00Z', benchmarks: [5] },
    },
    { id: 'c', attended: true, reflection: null, reflectedAt: null, encounter: null },
    {
      id: 'd',
      attended: true,
      reflection: null,
      reflectedAt: null,
      encounter: { id: 'e3', title: 'Guidance', kindLabel: 'Personal guidance meeting', date: '2026-04-01T12:00:00Z', benchmarks: [8] },
    },
  ],
  destinations: [
    { stage: 'YEAR_1', kindLabel: 'Employment' },
    { stage: 'INTENDED', kindLabel: 'Apprenticeship' },
    { stage: 'IMMEDIATE', kindLabel: 'FE college' },
  ],
  intendedDestination: { kindLabel: 'Apprenticeship', provider: null },
  benchmarkProgress: null,
  ownActivities: [],
  interests: ['engineering'],
  consideringHigherEducation: false,
};

describe('the record as the pupil sees it', () => {
  it('keeps attended activities with an encounter, newest first', () => {
    expect(attendedActivities(record).map((activity) => activity.title)).toEqual(['Guidance', 'Fair']);
  });

  it('copes with activities being unavailable', () => {
    expect(attendedActivities({ participations: null })).toEqual([]);
  });

  it('does not call a benchmark covered because an activity was about it', () => {
    // Activities about 5, 7 and 8 were attended, but without the engine's progress nothing is known to be covered.
    expect(recordFigures(record)).toEqual({ attended: 2, covered: null });
  });

  it('keeps the reflection with the activity', () => {
    expect(attendedActivities(record).find((activity) => activity.title === 'Fair')?.reflection).toBe('I liked the engineers');
  });

  it('gives the PDF the attended activities and later destinations in order', () => {
    const pdf = toPdfRecord(record);
    expect(pdf.activities.map((activity) => activity.title)).toEqual(['Guidance', 'Fair']);
    expect(pdf.laterDestinations).toEqual([
      { stageLabel: 'On leaving school', kindLabel: 'FE college' },
      { stageLabel: 'One year after leaving', kindLabel: 'Employment' },
    ]);
    expect(pdf).toMatchObject({ displayName: 'Maya Okafor', schoolName: 'Northfield Academy', yearGroup: 10 });
  });
});
