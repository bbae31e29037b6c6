import { useCallback, useEffect, useState } from 'react';

/** The current pathname, and a way to change it with the History API (the gateway serves the shell for every path). */
export function usePath(): [string, (path: string, options?: { replace?: boolean }) => void] {
  const [path, setPath] = useState(() => window.location.pathname);

  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((next: string, options: { replace?: boolean } = {}) => {
    if (next === window.location.pathname) return;
    if (options.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    setPath(next);
  }, []);

  return [path, navigate];
}
