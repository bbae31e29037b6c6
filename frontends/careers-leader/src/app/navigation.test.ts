import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../shared/route';
import { navItems, navViewOf } from './navigation';

describe('navItems', () => {
  it('gives careers leaders the dashboard first, importing, school settings, naming data protection leads, the data access log and subject access requests', () => {
    expect(navItems(['careers_leader']).map((item) => item.id)).toEqual([
      'dashboard',
      'self-evaluation',
      'programme',
      'feedback',
      'overview',
      'pupils',
      'encounters',
      'record',
      'verify',
      'destinations',
      'requests',
      'placements',
      'import',
      'settings',
      'publication',
      'data-protection-leads',
      'audit',
      'subject-access',
      'pupil-export',
    ]);
  });

  it("gives a data protection lead only the data access log (their landing page), subject access requests and a pupil's export", () => {
    expect(navItems(['data_protection_lead']).map((item) => item.id)).toEqual(['audit', 'subject-access', 'pupil-export']);
  });

  it('adds them to the pages of a member of staff who is also the data protection lead', () => {
    const ids = navItems(['staff', 'data_protection_lead']).map((item) => item.id);
    expect(ids[0]).toBe('dashboard');
    expect(ids).toContain('import');
    expect(ids).not.toContain('settings');
    expect(ids).not.toContain('publication');
    expect(ids.slice(-3)).toEqual(['audit', 'subject-access', 'pupil-export']);
  });

  it('lets school staff import but not change school settings', () => {
    expect(navItems(['staff']).map((item) => item.id)).toEqual([
      'dashboard',
      'self-evaluation',
      'programme',
      'feedback',
      'overview',
      'pupils',
      'encounters',
      'record',
      'verify',
      'destinations',
      'requests',
      'placements',
      'import',
    ]);
  });

  it('gives careers advisers neither', () => {
    expect(navItems(['careers_adviser']).map((item) => item.id)).toEqual([
      'dashboard',
      'self-evaluation',
      'programme',
      'feedback',
      'overview',
      'pupils',
      'encounters',
      'record',
      'verify',
      'destinations',
    ]);
  });
});

describe('navViewOf', () => {
  it('puts each page under its navigation entry', () => {
    expect(navViewOf({ view: 'gaps', query: { measure: 'B5_EMPLOYERS', schoolId: null, ...NO_FILTERS } })).toBe('dashboard');
    expect(navViewOf({ view: 'pupil', pupilId: 'p' })).toBe('pupils');
    expect(navViewOf({ view: 'pupil-journey', pupilId: 'p', filters: { tag: null, benchmark: null } })).toBe('pupils');
    expect(navViewOf({ view: 'edit-encounter', encounterId: 'e' })).toBe('encounters');
    expect(navViewOf({ view: 'verify' })).toBe('verify');
    expect(navViewOf({ view: 'school', schoolId: 's', filters: NO_FILTERS })).toBeNull();
    expect(navViewOf({ view: 'pupil-level-access' })).toBeNull();
    expect(navViewOf({ view: 'webhooks' })).toBeNull();
  });
});
