import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { isForbidden } from '@waymark/ui';

/** Said in place of a part of the page that did not arrive. */
export function PartProblem({ items, what }: { items: readonly GraphQLErrorItem[]; what: string }) {
  if (items.length === 0) return null;
  return (
    <p className="wm-inset">{isForbidden(items) ? `Your ${what} are not available to you.` : `Your ${what} could not be loaded just now. Try again later.`}</p>
  );
}
