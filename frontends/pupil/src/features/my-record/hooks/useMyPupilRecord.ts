import { useQuery } from '@waymark/graphql-client';
import { useMemo } from 'react';
import { MY_PUPIL_RECORD_QUERY, type MyPupilRecordData, type RecordEncounter } from '../graphql/myPupilRecord';

export interface AttendedActivity extends RecordEncounter {
  participationId: string;
}

/** The signed-in pupil's record, with the activities they attended newest first. */
export function useMyPupilRecord() {
  const query = useQuery<MyPupilRecordData>(MY_PUPIL_RECORD_QUERY);
  const record = query.data?.myPupilRecord ?? null;

  const attended = useMemo<AttendedActivity[]>(() => {
    if (!record) return [];
    return record.participations
      .filter((participation) => participation.attended && participation.encounter)
      .map((participation) => ({ ...participation.encounter!, participationId: participation.id }))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  }, [record]);

  const benchmarksCovered = useMemo(() => [...new Set(attended.flatMap((activity) => activity.benchmarks))].sort((a, b) => a - b), [attended]);

  return { ...query, record, attended, benchmarksCovered };
}
