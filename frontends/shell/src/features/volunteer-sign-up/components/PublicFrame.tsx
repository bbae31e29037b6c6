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

/** A link back to the sign-in page. */
export function BackToSignIn({ text = 'Back to sign in' }: { text?: string }) {
  return (
    <p>
      <a href="/">{text}</a>
    </p>
  );
}
