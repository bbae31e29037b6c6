import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { isForbidden } from '@waymark/ui';

export interface SectionProblemProps {
  items: readonly GraphQLErrorItem[];
  /** What could not be shown, e.g. "vulnerable groups". */
  what: string;
  /** Said instead when the caller may not see it. */
  forbiddenText?: string;
}

/** One part of the record that did not arrive: refused (said plainly) or unavailable (with the reason). */
export function SectionProblem({ items, what, forbiddenText }: SectionProblemProps) {
  if (items.length === 0) return null;
  if (isForbidden(items)) return <p className="wm-inset">{forbiddenText ?? `You do not have access to this pupil's ${what}.`}</p>;
  return (
    <div className="wm-alert" role="alert">
      <p>
        This pupil's {what} could not be loaded: {items[0].message}
      </p>
    </div>
  );
}
