import { useId, type ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  /** A short line above the title, e.g. the school's name. */
  caption?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's one `<h1>`, with an optional caption, description and actions. */
export function PageHeader({ title, caption, description, actions }: PageHeaderProps) {
  return (
    <header className="wm-page-header">
      <div className="wm-page-header__top">
        <div>
          {caption ? <p className="wm-page-header__caption">{caption}</p> : null}
          {/* Focusable from script, so a view can move focus here after navigation. */}
          <h1 tabIndex={-1}>{title}</h1>
        </div>
        {actions ? <div className="wm-button-row">{actions}</div> : null}
      </div>
      {description ? <p className="wm-page-header__description">{description}</p> : null}
    </header>
  );
}

export interface SectionProps {
  title: string;
  /** Heading level for the title; sections directly under the page's h1 use 2. */
  headingLevel?: 2 | 3 | 4;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** A fixed id for the heading, so the page can move focus to it (it then takes focus from script only). */
  headingId?: string;
}

/** A titled region of a page, labelled by its own heading. */
export function Section({ title, headingLevel = 2, description, children, className, headingId: fixedId }: SectionProps) {
  const generatedId = useId();
  const headingId = fixedId ?? generatedId;
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={className ? `wm-section ${className}` : 'wm-section'} aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={fixedId ? -1 : undefined}>
        {title}
      </Heading>
      {description ? <p className="wm-section__description">{description}</p> : null}
      {children}
    </section>
  );
}

export interface SummaryListProps {
  items: { term: string; value: ReactNode }[];
}

/** Label/value pairs (a `<dl>`), e.g. a person's details. */
export function SummaryList({ items }: SummaryListProps) {
  return (
    <dl className="wm-summary">
      {items.map((item) => (
        <div key={item.term} className="wm-summary__row">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
