import { GlobalStyles } from '@waymark/ui';
import { useEffect, useRef, type ReactNode } from 'react';

export interface AppFrameProps {
  /** The document title's first part; " – Waymark" is added. */
  title: string;
  header: ReactNode;
  children: ReactNode;
  /** Changes when the person moves to another page; focus then moves to the main content. */
  pageKey?: string;
}

/** Skip link, banner, the one `<main>` landmark and the footer, shared by every shell page. */
export function AppFrame({ title, header, children, pageKey }: AppFrameProps) {
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);

  useEffect(() => {
    document.title = title === 'Waymark' ? title : `${title} – Waymark`;
  }, [title]);

  useEffect(() => {
    // Moving focus on the first render would skip the skip link; after navigation it puts screen readers at the new content.
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pageKey]);

  return (
    <>
      <GlobalStyles />
      <a className="wm-skip-link" href="#main">
        Skip to main content
      </a>
      {header}
      <main id="main" ref={mainRef} className="wm-container wm-app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="wm-app-footer">
        <div className="wm-container">Waymark: careers guidance records, measured against the Gatsby Benchmarks.</div>
      </footer>
    </>
  );
}
