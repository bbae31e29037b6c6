import { useQuery } from '@waymark/graphql-client';
import { useMemo } from 'react';
import { MY_VOLUNTEER_PROFILE_QUERY, type Engagement } from '../graphql/myVolunteerProfile';

/** The signed-in volunteer's profile, engagements newest first, and how many pupils they reached. */
export function useVolunteerProfile() {
  const query = useQuery(MY_VOLUNTEER_PROFILE_QUERY);
  const profile = query.data?.myVolunteerProfile ?? null;

  const engagements = useMemo<Engagement[]>(() => [...(profile?.engagements ?? [])].sort((a, b) => Date.parse(b.date) - Date.parse(a.date)), [profile]);
  const pupilsReached = engagements.reduce((sum, engagement) => sum + engagement.attendedCount, 0);
  const schools = new Set(engagements.map((engagement) => engagement.school?.name).filter(Boolean)).size;

  return { ...query, profile, engagements, pupilsReached, schools };
}
