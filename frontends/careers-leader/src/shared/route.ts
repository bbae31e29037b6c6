import { useCallback, useEffect, useState } from 'react';

/**
 * Where a careers leader is inside the remote. It is kept in the URL's fragment (`/careers#/pupils/42`),
 * so links can be opened in a new tab, Back works, and a reload stays put, without the shell having
 * to know the remote's pages.
 */
export type Route =
  | { view: 'overview' }
  | { view: 'pupils' }
  | { view: 'pupil'; pupilId: string }
  | { view: 'encounters' }
  | { view: 'record' }
  | { view: 'import' }
  | { view: 'settings' };

export type View = Route['view'];

const SIMPLE_VIEWS = ['overview', 'pupils', 'encounters', 'record', 'import', 'settings'] as const;

/** The route a fragment names; null for fragments that are not routes (such as `#main` from the skip link). */
export function parseRoute(hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return { view: 'overview' };
  if (!hash.startsWith('#/')) return null;
  const [first, second, ...rest] = hash.slice(2).split('/');
  if (first === 'pupils' && second && rest.length === 0) return { view: 'pupil', pupilId: decodeURIComponent(second) };
  if (second !== undefined) return null;
  return (SIMPLE_VIEWS as readonly string[]).includes(first) ? ({ view: first } as Route) : null;
}

export function routeHref(route: Route): string {
  if (route.view === 'pupil') return `#/pupils/${encodeURIComponent(route.pupilId)}`;
  return route.view === 'overview' ? '#/' : `#/${route.view}`;
}

export function routeKey(route: Route): string {
  return routeHref(route);
}

/** The current route and a way to go elsewhere (a new history entry); follows Back and Forward. */
export function useRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash) ?? { view: 'overview' });

  useEffect(() => {
    const follow = () => {
      const next = parseRoute(window.location.hash);
      if (next) setRoute(next);
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash !== href) window.history.pushState(window.history.state, '', href);
    setRoute(next);
  }, []);

  return [route, navigate];
}
