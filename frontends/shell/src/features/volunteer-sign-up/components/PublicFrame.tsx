import type { ReactNode } from 'react';
import { AppFrame } from '../../layout/components/AppFrame';
import { AppHeader } from '../../layout/components/AppHeader';

/** The frame of a page a signed-out person opens: the sign-in page's narrow column. */
export function PublicFrame({ title, pageKey, children }: { title: string; pageKey?: string; children: ReactNode }) {
  return (
    <AppFrame title={title} header={<AppHeader />} pageKey={pageKey}>
      <div className="wm-sign-in">
        <div className="wm-section">{children}</div>
      </div>
    </AppFrame>
  );
}

/** A link a finger can hit: at least 24 px high, whatever is next to it. */
export function PageLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} style={{ display: 'inline-block', minHeight: '24px' }}>
      {children}
    </a>
  );
}

/** A link back to the sign-in page. */
export function BackToSignIn({ text = 'Back to sign in' }: { text?: string }) {
  return (
    <p style={{ marginTop: 'var(--wm-space-lg)' }}>
      <PageLink href="/">{text}</PageLink>
    </p>
  );
}
