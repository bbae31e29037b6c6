import { useEffect, useRef, type ReactNode } from 'react';
import { routeKey, type Route } from '../shared/route';

/**
 * Holds the current page. When another page opens, it starts afresh and focus moves to its `h1`,
 * so screen-reader and keyboard users start at the top of the new page (not on the first load,
 * where the shell has already placed focus).
 */
export function FocusOnPageChange({ route, children }: { route: Route; children: ReactNode }) {
  const pageRef = useRef<HTMLDivElement>(null);
  const firstPage = useRef(true);
  const key = routeKey(route);

  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    // A page may still be loading: wait for its heading to appear.
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = pageRef.current?.querySelector<HTMLElement>('h1');
      if (heading) heading.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(focusHeading);
    };
    focusHeading();
    return () => cancelAnimationFrame(frame);
  }, [key]);

  return (
    <div ref={pageRef} key={key}>
      {children}
    </div>
  );
}
