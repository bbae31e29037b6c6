import { SIC_SECTIONS, VOLUNTEER_ACTIVITIES, formatDay } from '@waymark/domain';
import type { SicSection, VolunteerActivity, VolunteerOfferStatus } from '../../../gql/graphql';

export const activityLabel = (activity: VolunteerActivity): string => VOLUNTEER_ACTIVITIES[activity].label;

export const sectorsText = (sectors: readonly SicSection[]): string => (sectors.length === 0 ? 'Any sector' : sectors.map((s) => SIC_SECTIONS[s]).join('; '));

export const windowText = (from: string, to: string): string =>
  from === to ? formatDay(from, 'long') : `${formatDay(from, 'long')} to ${formatDay(to, 'long')}`;

export const yearGroupsText = (years: readonly number[]): string => years.map((y) => `Year ${y}`).join(', ');

export const OFFER_STATUS: Record<VolunteerOfferStatus, { text: string; tag: string }> = {
  OPEN: { text: 'Waiting for the school', tag: 'wm-tag wm-tag--progress' },
  ACCEPTED: { text: 'Accepted', tag: 'wm-tag wm-tag--met' },
  DECLINED: { text: 'Declined', tag: 'wm-tag wm-tag--not-met' },
  CLOSED: { text: 'Closed', tag: 'wm-tag' },
};
