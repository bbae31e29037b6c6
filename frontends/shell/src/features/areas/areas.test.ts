import { describe, expect, it } from 'vitest';
import { areaForPath, areasForRoles } from './areas';

describe('areasForRoles', () => {
  it.each([
    [['pupil'], ['pupil']],
    [['parent'], ['pupil']],
    [['employer_volunteer'], ['employer']],
    [['alumni'], ['employer']],
    [['careers_leader'], ['careers_leader']],
    [['staff'], ['careers_leader']],
    [['careers_adviser'], ['careers_leader']],
    [['trust_analyst'], ['careers_leader']],
    [['data_protection_lead'], ['careers_leader']],
    [['staff', 'data_protection_lead'], ['careers_leader']],
    [
      ['staff', 'parent'],
      ['careers_leader', 'pupil'],
    ],
    [['platform_admin'], []],
  ])('%j opens %j', (roles, remotes) => {
    expect(areasForRoles(roles).map((area) => area.remote)).toEqual(remotes);
  });

  it("names a parent's area after their child's record, at the pupil remote's path", () => {
    expect(areasForRoles(['parent'])).toEqual([{ remote: 'pupil', path: '/my-record', label: "My child's record" }]);
    expect(areasForRoles(['pupil'])).toEqual([{ remote: 'pupil', path: '/my-record', label: 'My record' }]);
  });

  it('labels the careers-leader remote for a data protection lead by what they do there', () => {
    expect(areasForRoles(['data_protection_lead'])).toEqual([{ remote: 'careers_leader', path: '/careers', label: 'Data protection' }]);
    expect(areasForRoles(['staff', 'data_protection_lead'])[0].label).toBe('Careers programme');
  });

  it('labels the careers-leader remote as the trust overview for analysts', () => {
    expect(areasForRoles(['trust_analyst', 'staff'])).toEqual([{ remote: 'careers_leader', path: '/trust', label: 'Trust overview' }]);
  });
});

describe('areaForPath', () => {
  const areas = areasForRoles(['staff', 'parent']);

  it('matches an area and its sub-paths', () => {
    expect(areaForPath(areas, '/my-record')?.remote).toBe('pupil');
    expect(areaForPath(areas, '/my-record/anything')?.remote).toBe('pupil');
  });

  it('falls back to the first area', () => {
    expect(areaForPath(areas, '/')?.remote).toBe('careers_leader');
    expect(areaForPath(areas, '/volunteering')?.remote).toBe('careers_leader');
  });
});
