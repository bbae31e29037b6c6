import { formatDate } from './format.js';

/** A `<time>` showing an ISO date in en-GB form while keeping the machine-readable value. */
export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return <time dateTime={value}>{formatDate(value)}</time>;
}
