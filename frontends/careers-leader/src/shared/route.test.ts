import { describe, expect, it } from 'vitest';
import { backFromPupil, NO_FILTERS, parseRoute, routeHref, routeKey, type Route } from './route';

describe('routes in the fragment', () => {
  it.each<[string, Route | null]>([
    ['', { view: 'dashboard', filters: NO_FILTERS }],
    ['#/', { view: 'dashboard', filters: NO_FILTERS }],
    ['#/?year=9&group=EAL&asOf=2026-03-01', { view: 'dashboard', filters: { yearGroup: 9, group: 'EAL', asOf: '2026-03-01' } }],
    ['#/?year=3&group=NOPE&asOf=yesterday', { view: 'dashboard', filters: NO_FILTERS }],
    ['#/overview', { view: 'overview' }],
    ['#/pupils', { view: 'pupils' }],
    ['#/pupils/abc-123', { view: 'pupil', pupilId: 'abc-123' }],
    ['#/pupils/abc-123/journey', { view: 'pupil-journey', pupilId: 'abc-123', filters: { tag: null, benchmark: null } }],
    ['#/pupils/abc-123/journey?tag=engineering&benchmark=5', { view: 'pupil-journey', pupilId: 'abc-123', filters: { tag: 'engineering', benchmark: 5 } }],
    ['#/pupils/abc-123/journey?tag=two%20words&benchmark=9', { view: 'pupil-journey', pupilId: 'abc-123', filters: { tag: null, benchmark: null } }],
    ['#/encounters/e1', { view: 'encounter', encounterId: 'e1' }],
    ['#/encounters/e1/edit', { view: 'edit-encounter', encounterId: 'e1' }],
    ['#/verify', { view: 'verify' }],
    ['#/import', { view: 'import' }],
    ['#/settings', { view: 'settings' }],
    ['#/data-protection-leads', { view: 'data-protection-leads' }],
    ['#/pupil-level-access', { view: 'pupil-level-access' }],
    ['#/webhooks', { view: 'webhooks' }],
    ['#/audit-log', { view: 'audit', pupilId: null }],
    ['#/audit-log?pupil=p1', { view: 'audit', pupilId: 'p1' }],
    ['#/subject-access', { view: 'subject-access' }],
    ['#/pupil-export', { view: 'pupil-export' }],
    ['#/schools/s1?year=10', { view: 'school', schoolId: 's1', filters: { ...NO_FILTERS, yearGroup: 10 } }],
    ['#/gaps?measure=B6_BY_16&year=10&school=s1', { view: 'gaps', query: { measure: 'B6_BY_16', schoolId: 's1', yearGroup: 10, group: null, asOf: null } }],
    ['#/gaps?measure=B9', null],
    ['#main', null],
    ['#/nowhere', null],
    ['#/import/extra', null],
    ['#/pupils/a/b', null],
    ['#/encounters/e1/delete', null],
  ])('%s → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route, ids and filters included', () => {
    const routes: Route[] = [
      { view: 'dashboard', filters: NO_FILTERS },
      { view: 'dashboard', filters: { yearGroup: 11, group: 'YOUNG_CARER', asOf: '2026-02-28' } },
      { view: 'overview' },
      { view: 'encounters' },
      { view: 'encounter', encounterId: 'a/b c' },
      { view: 'edit-encounter', encounterId: 'x?y' },
      { view: 'pupil', pupilId: 'a/b c' },
      {
        view: 'pupil',
        pupilId: 'p1',
        from: { view: 'gaps', query: { measure: 'B6_BY_16', schoolId: 's 1', yearGroup: 10, group: 'EAL', asOf: '2026-03-01' } },
      },
      { view: 'pupil', pupilId: 'p1', from: { view: 'encounter', encounterId: 'e/1' } },
      { view: 'pupil-journey', pupilId: 'a/b c', filters: { tag: null, benchmark: null } },
      { view: 'pupil-journey', pupilId: 'p1', filters: { tag: 'healthcare', benchmark: 8 } },
      { view: 'gaps', query: { measure: 'PROVIDER_ACCESS_Y8_9', schoolId: null, yearGroup: null, group: 'EHCP', asOf: null } },
      { view: 'school', schoolId: 's 1', filters: { ...NO_FILTERS, asOf: '2025-12-31' } },
      { view: 'destinations' },
      { view: 'self-evaluation' },
      { view: 'publication' },
      { view: 'programme' },
      { view: 'feedback' },
      { view: 'audit', pupilId: null },
      { view: 'audit', pupilId: 'a/b c' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('keeps the dashboard the same page whatever its filters', () => {
    expect(routeKey({ view: 'dashboard', filters: { ...NO_FILTERS, yearGroup: 9 } })).toBe(routeKey({ view: 'dashboard', filters: NO_FILTERS }));
    expect(routeKey({ view: 'school', schoolId: 's1', filters: { ...NO_FILTERS, group: 'EAL' } })).toBe(
      routeKey({ view: 'school', schoolId: 's1', filters: NO_FILTERS }),
    );
    expect(routeKey({ view: 'pupil-journey', pupilId: 'p1', filters: { tag: 'law', benchmark: 5 } })).toBe(
      routeKey({ view: 'pupil-journey', pupilId: 'p1', filters: { tag: null, benchmark: null } }),
    );
    expect(routeKey({ view: 'pupil-journey', pupilId: 'p1', filters: { tag: null, benchmark: null } })).not.toBe(routeKey({ view: 'pupil', pupilId: 'p1' }));
    expect(routeKey({ view: 'encounter', encounterId: 'e1' })).not.toBe(routeKey({ view: 'edit-encounter', encounterId: 'e1' }));
  });

  it("sends a pupil's record back to the page it was opened from, and to the pupils list otherwise", () => {
    const gaps: Route = { view: 'gaps', query: { measure: 'B6_BY_16', schoolId: null, yearGroup: 10, group: null, asOf: null } };
    expect(backFromPupil({ from: gaps })).toEqual({ href: routeHref(gaps), text: 'Back to the gap list' });
    expect(backFromPupil({ from: { view: 'encounter', encounterId: 'e1' } })).toEqual({ href: '#/encounters/e1', text: 'Back to the encounter' });
    expect(backFromPupil({ from: { view: 'audit', pupilId: null } })).toEqual({ href: '#/audit-log', text: 'Back to the data access log' });
    expect(backFromPupil({})).toEqual({ href: '#/pupils', text: 'Back to pupils' });
  });

  it('ignores an origin that is not a page, or is another pupil, so Back never loops or leaves the portal', () => {
    expect(parseRoute(`#/pupils/p1?from=${encodeURIComponent('#/pupils/p2')}`)).toEqual({ view: 'pupil', pupilId: 'p1' });
    expect(parseRoute(`#/pupils/p1?from=${encodeURIComponent('https://evil.example/')}`)).toEqual({ view: 'pupil', pupilId: 'p1' });
    expect(parseRoute('#/pupils/p1?from=%23%2Fnowhere')).toEqual({ view: 'pupil', pupilId: 'p1' });
    expect(parseRoute(`#/pupils/p1?from=${encodeURIComponent('#/pupils/p2/journey')}`)).toEqual({ view: 'pupil', pupilId: 'p1' });
    expect(parseRoute(`#/pupils/p1?from=${encodeURIComponent('#/verify')}`)).toEqual({ view: 'pupil', pupilId: 'p1', from: { view: 'verify' } });
  });
});
