import { describe, expect, it } from 'vitest';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { attendedActivities, benchmarksCovered, toPdfRecord } from './record';

const record: PupilRecordView = {
  id: 'p1',
  displayName: 'Maya Okafor',
  firstName: 'Maya',
  yearGroup: 10,
  tutorGroup: '10B',
  dateOfBirth: '2011-03-02',
  school: { name: 'Northfield Academy' },
  participations: [
    { id: 'a', attended: true, encounter: { id: 'e1', title: 'Fair', kindLabel: 'Careers fair', date: '2026-02-10T12:00:00Z', benchmarks: [7, 5] } },
    { id: 'b', attended: false, encounter: { id: 'e2', title: 'Missed talk', kindLabel: 'Employer talk', date: '2026-03-10T12:00:00Z', benchmarks: [5] } },
    { id: 'c', attended: true, encounter: null },
    {
      id: 'd',
      attended: true,
      encounter: { id: 'e3', title: 'Guidance', kindLabel: 'Personal guidance meeting', date: '2026-04-01T12:00:00Z', benchmarks: [8] },
    },
  ],
  destinations: [
    { stage: 'YEAR_1', kindLabel: 'Employment' },
    { stage: 'INTENDED', kindLabel: 'Apprenticeship' },
    { stage: 'IMMEDIATE', kindLabel: 'FE college' },
  ],
  intendedDestination: { kindLabel: 'Apprenticeship', provider: null },
};

describe('the record as the pupil sees it', () => {
  it('keeps attended activities with an encounter, newest first', () => {
    expect(attendedActivities(record).map((activity) => activity.title)).toEqual(['Guidance', 'Fair']);
  });

  it('copes with activities being unavailable', () => {
    expect(attendedActivities({ participations: null })).toEqual([]);
  });

  it('counts each benchmark once', () => {
    expect(benchmarksCovered(attendedActivities(record))).toEqual([5, 7, 8]);
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
