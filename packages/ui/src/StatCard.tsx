import type { ReactNode } from 'react';

export interface StatGridProps {
  children: ReactNode;
  /** Names the group for assistive technology, e.g. "Key figures". */
  label?: string;
}

/** A `<dl>` laid out as a grid of `StatCard`s. */
export function StatGrid({ children, label }: StatGridProps) {
  return (
    <dl className="wm-stat-grid" aria-label={label}>
      {children}
    </dl>
  );
}

export interface StatCardProps {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
}

/** One key figure. Place inside a `StatGrid`: it renders a `<dt>`/`<dd>` pair. */
export function StatCard({ label, value, hint }: StatCardProps) {
  return (
    <div className="wm-stat">
      <dt>{label}</dt>
      <dd>
        {value}
        {hint ? <span className="wm-stat__hint">{hint}</span> : null}
      </dd>
    </div>
  );
}
