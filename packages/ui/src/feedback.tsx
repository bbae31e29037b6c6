import type { ReactNode } from 'react';

export interface ErrorPanelProps {
  title?: string;
  /** The heading level of the title; use 1 when the panel is all the page shows. */
  headingLevel?: 1 | 2 | 3;
  children?: ReactNode;
  /** Offers a "Try again" button. */
  onRetry?: () => void;
}

/** A problem the person should know about now (`role="alert"`). */
export function ErrorPanel({ title = 'There is a problem', headingLevel = 2, children, onRetry }: ErrorPanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="wm-alert" role="alert">
      <Heading className="wm-alert__title">{title}</Heading>
      {typeof children === 'string' ? <p>{children}</p> : children}
      {onRetry ? (
        <div className="wm-button-row">
          <button type="button" className="wm-button wm-button--secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}

export interface NoticeProps {
  title: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

/** A confirmation that something worked (`role="status"`, announced politely). */
export function Notice({ title, headingLevel = 2, children }: NoticeProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="wm-notice" role="status">
      <Heading className="wm-notice__title">{title}</Heading>
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}

export interface LoadingProps {
  label?: string;
}

/** Announces politely that content is on its way. */
export function Loading({ label = 'Loading…' }: LoadingProps) {
  return (
    <div className="wm-loading" role="status" aria-live="polite">
      <span className="wm-loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
