import { useCallback, useEffect, useState } from 'react';

/**
 * The page inside the pupil remote, kept in the URL's fragment (`/my-record#/progress`) so Back
 * works and a reload stays put without the shell knowing the remote's pages. A page may keep its
 * own settings after a `?` (`#/journey?tag=engineering&benchmark=5`), read with `viewQuery`.
 */
export type PupilView = 'record' | 'progress' | 'journey' | 'future' | 'placements' | 'role-models' | 'child';

const VIEWS: readonly PupilView[] = ['record', 'progress', 'journey', 'future', 'placements', 'role-models', 'child'];

/**
 * Parts of My progress a link can open at (`#/progress?section=reflections`): the page's focus goes to
 * that part's heading once it has loaded, instead of the page's heading.
 */
export const PROGRESS_SECTION_IDS = {
  reflections: 'progress-reflections',
  actions: 'progress-actions',
  'own-activities': 'progress-own-activities',
} as const;

export type ProgressSection = keyof typeof PROGRESS_SECTION_IDS;

/** The id of the heading a fragment asks the page to open at, if it names one of its view's parts. */
export function sectionTarget(hash: string): string | null {
  if (parseView(hash) !== 'progress') return null;
  const section = viewQuery(hash).get('section');
  return section && Object.hasOwn(PROGRESS_SECTION_IDS, section) ? PROGRESS_SECTION_IDS[section as ProgressSection] : null;
}

/** Said on the window when the remote moves to another address itself (pushState fires no popstate). */
const MOVED = 'waymark-pupil-route';

/** The view a fragment names; null for fragments that are not views (such as `#main` from the skip link). */
export function parseView(hash: string): PupilView | null {
  if (hash === '' || hash === '#' || hash === '#/') return 'record';
  if (!hash.startsWith('#/')) return null;
  const name = hash.slice(2).split('?', 1)[0];
  if (name === '') return 'record';
  return (VIEWS as readonly string[]).includes(name) ? (name as PupilView) : null;
}

/** The settings a fragment carries after its `?` (none when it has no `?`). */
export function viewQuery(hash: string): URLSearchParams {
  if (!hash.startsWith('#/')) return new URLSearchParams();
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** The fragment for a view, with its settings when given (`query` is '' or starts with `?`). */
export function viewHref(view: PupilView, query = ''): string {
  return `${view === 'record' ? '#/' : `#/${view}`}${query}`;
}

/** The current view (falling back to `initial` when the fragment names none) and a way to change it. */
export function useView(initial: PupilView): [PupilView, (next: PupilView) => void] {
  const [view, setView] = useState<PupilView>(() =>
    window.location.hash && window.location.hash !== '#/' ? (parseView(window.location.hash) ?? initial) : initial,
  );

  useEffect(() => {
    const follow = () => {
      const next = parseView(window.location.hash);
      if (next) setView(next);
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const navigate = useCallback((next: PupilView) => {
    const href = viewHref(next);
    if (window.location.hash !== href) {
      window.history.pushState(window.history.state, '', href);
      window.dispatchEvent(new Event(MOVED));
    }
    setView(next);
  }, []);

  return [view, navigate];
}

/**
 * The settings `view` keeps in the address, and a way to change them (a new history entry, so Back
 * undoes a change). Follows Back and Forward, and the navigation's own moves.
 */
export function useViewQuery(view: PupilView): [URLSearchParams, (query: string) => void] {
  const [query, setQuery] = useState<string>(() => queryOf(view, window.location.hash));

  useEffect(() => {
    const follow = () => setQuery(queryOf(view, window.location.hash));
    window.addEventListener('popstate', follow);
    window.addEventListener(MOVED, follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(MOVED, follow);
    };
  }, [view]);

  const change = useCallback(
    (next: string) => {
      const href = viewHref(view, next);
      if (window.location.hash !== href) window.history.pushState(window.history.state, '', href);
      setQuery(next.replace(/^\?/, ''));
    },
    [view],
  );

  return [new URLSearchParams(query), change];
}

/** The settings in `hash` when it names `view` ('' otherwise). */
function queryOf(view: PupilView, hash: string): string {
  return parseView(hash) === view ? viewQuery(hash).toString() : '';
}
