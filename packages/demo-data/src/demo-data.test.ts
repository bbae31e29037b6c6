import { describe, expect, it } from 'vitest';
import { checkUpn, expectedYearGroup, academicYearOf } from '@waymark/domain';
import { demoData, demoId } from './index.js';

const today = new Date('2026-11-23T12:00:00Z');
const data = demoData(today);

describe('demo data', () => {
  it('is the same in every process (ids and rows derive from names)', () => {
    expect(demoData(today)).toEqual(data);
    expect(demoId('school', 'northfield')).toBe(data.schools[0].id);
    expect(demoId('school', 'northfield')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives every pupil a valid, unique UPN and a date of birth that fits their year group', () => {
    const upns = new Set<string>();
    for (const pupil of data.pupils) {
      expect(checkUpn(pupil.upn), pupil.upn).toBeNull();
      upns.add(pupil.upn);
      if (pupil.yearGroup !== null) expect(expectedYearGroup(new Date(pupil.dateOfBirth), academicYearOf(today))).toBe(pupil.yearGroup);
    }
    expect(upns.size).toBe(data.pupils.length);
  });

  it('links every participation and destination to a pupil of the same school', () => {
    const pupils = new Map(data.pupils.map((p) => [p.id, p]));
    const encounters = new Map(data.encounters.map((e) => [e.id, e]));
    for (const row of [...data.participations, ...data.destinations]) expect(pupils.get(row.pupilId)?.schoolId).toBe(row.schoolId);
    for (const row of data.participations) expect(encounters.get(row.encounterId)?.schoolId).toBe(row.schoolId);
  });

  it('has the ten demo accounts, the pupil account pointing at a Year 10 pupil and the Year 11 one at a Year 11 pupil with no plan yet', () => {
    expect(data.accounts.map((a) => a.email).sort()).toEqual([
      'alumni@northfield.test',
      'dpl@northfield.test',
      'employer@acme.test',
      'lead.analyst@waymark-trust.test',
      'leader@northfield.test',
      'leader@southbank.test',
      'parent@northfield.test',
      'pupil@northfield.test',
      'trust@waymark-trust.test',
      'year11@northfield.test',
    ]);
    const account = data.accounts.find((a) => a.email === 'pupil@northfield.test')!;
    expect(data.pupils.find((p) => p.id === account.pupilId)?.yearGroup).toBe(10);
    const year11 = data.accounts.find((a) => a.email === 'year11@northfield.test')!;
    expect(data.pupils.find((p) => p.id === year11.pupilId)?.yearGroup).toBe(11);
    expect(data.destinations.filter((d) => d.pupilId === year11.pupilId && d.stage === 'INTENDED' && d.kind !== 'UNKNOWN')).toEqual([]);
  });

  it("links the parent account to the pupil account's pupil, at her school, and nobody else to any child", () => {
    const pupil = data.accounts.find((a) => a.email === 'pupil@northfield.test')!;
    const parent = data.accounts.find((a) => a.email === 'parent@northfield.test')!;
    expect(parent).toMatchObject({ displayName: 'Grace Okafor', roles: ['parent'], trustId: data.trust.id, schoolId: data.schools[0].id, pupilId: null });
    expect(parent.childPupilIds).toEqual([pupil.pupilId]);
    const child = data.pupils.find((p) => p.id === pupil.pupilId)!;
    expect(child.schoolId).toBe(parent.schoolId);
    for (const other of data.accounts.filter((a) => a !== parent)) expect(other.childPupilIds, other.email).toEqual([]);
  });
});
