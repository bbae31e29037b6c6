import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './route';

describe('routes in the fragment', () => {
  it.each<[string, Route | null]>([
    ['', { view: 'overview' }],
    ['#/', { view: 'overview' }],
    ['#/pupils', { view: 'pupils' }],
    ['#/pupils/abc-123', { view: 'pupil', pupilId: 'abc-123' }],
    ['#/import', { view: 'import' }],
    ['#/settings', { view: 'settings' }],
    ['#main', null],
    ['#/nowhere', null],
    ['#/import/extra', null],
    ['#/pupils/a/b', null],
  ])('%s → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route, ids included', () => {
    const routes: Route[] = [{ view: 'overview' }, { view: 'encounters' }, { view: 'pupil', pupilId: 'a/b c' }];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
