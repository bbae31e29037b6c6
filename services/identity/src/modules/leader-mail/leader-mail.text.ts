import { formatDay, VOLUNTEER_ACTIVITIES, VOLUNTEER_ACTIVITY_KEYS } from '@waymark/domain';

/** What an `offer.withdrawn` notice carries: the request, never the volunteer. */
interface OfferWithdrawn {
  requestId: string;
  /** The activity's name as schools see it (an activity this identity does not know reads "Volunteer request"). */
  activity: string;
  dateFrom: string;
  dateTo: string;
  yearGroups: number[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The notice's data if it is a well-formed `offer.withdrawn`, else null. */
export function offerWithdrawnOf(data: Record<string, unknown>): OfferWithdrawn | null {
  const { requestId, activity, dateFrom, dateTo, yearGroups } = data;
  if (typeof requestId !== 'string' || typeof activity !== 'string') return null;
  if (typeof dateFrom !== 'string' || !DAY.test(dateFrom) || typeof dateTo !== 'string' || !DAY.test(dateTo)) return null;
  if (!Array.isArray(yearGroups) || !yearGroups.every((year) => Number.isInteger(year) && year >= 1 && year <= 14)) return null;
  const known = (VOLUNTEER_ACTIVITY_KEYS as readonly string[]).includes(activity) ? VOLUNTEER_ACTIVITIES[activity as keyof typeof VOLUNTEER_ACTIVITIES] : null;
  return { requestId, activity: known?.label ?? 'Volunteer request', dateFrom, dateTo, yearGroups: yearGroups as number[] };
}

function years(yearGroups: readonly number[]): string {
  const sorted = [...yearGroups].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

function when(dateFrom: string, dateTo: string): string {
  return dateFrom === dateTo ? `on ${formatDay(dateFrom, 'long')}` : `between ${formatDay(dateFrom, 'long')} and ${formatDay(dateTo, 'long')}`;
}

/**
 * The email a school's careers leaders get when an offer they accepted is withdrawn because the
 * volunteer deleted their account. The volunteer's name went with their account (docs/domain-rules.md,
 * "A volunteer deletes their account"), so it says "a volunteer"; it names the request by its kind,
 * year groups and dates, which is how the leader finds it among their requests.
 */
export function offerWithdrawnMail(notice: OfferWithdrawn): { subject: string; text: string } {
  const { activity } = notice;
  const request = `${activity}${notice.yearGroups.length > 0 ? ` for ${years(notice.yearGroups)}` : ''}, ${when(notice.dateFrom, notice.dateTo)}`;
  return {
    subject: `A volunteer can no longer come: ${activity}, ${formatDay(notice.dateFrom, 'long')}`,
    text: [
      'Hello,',
      '',
      `A volunteer whose offer you accepted for your request "${request}" has left Waymark: they deleted their account, so they will not come.`,
      '',
      'The activity stays in your plan. Sign in to Waymark and open your volunteer requests to find someone else, or change the activity.',
      '',
      'You are receiving this because you are a careers leader at the school that made the request.',
    ].join('\n'),
  };
}
