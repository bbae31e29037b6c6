import { useCallback, useEffect, useState } from 'react';

/**
 * The page inside the pupil remote, kept in the URL's fragment (`/my-record#/progress`) so Back
 * works and a reload stays put without the shell knowing the remote's pages.
 */
export type PupilView = 'record' | 'progress' | 'future' | 'placements' | 'child';

const VIEWS: readonly PupilView[] = ['record', 'progress', 'future', 'placements', 'child'];

/** The view a fragment names; null for fragments that are not views (such as `#main` from the skip link). */
export function parseView(hash: string): PupilView | null {
  if (hash === '' || hash === '#' || hash === '#/') return 'record';
  if (!hash.startsWith('#/')) return null;
  const name = hash.slice(2);
  return (VIEWS as readonly string[]).includes(name) ? (name as PupilView) : null;
}

export function viewHref(view: PupilView): string {
  return view === 'record' ? '#/' : `#/${view}`;
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
    if (window.location.hash !== href) window.history.pushState(window.history.state, '', href);
    setView(next);
  }, []);

  return [view, navigate];
}
