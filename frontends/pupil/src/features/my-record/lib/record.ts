import { DESTINATION_STAGES, DESTINATION_STAGE_LABELS } from '@waymark/domain';
import type { RecordForPdf } from '../../record-pdf/lib/recordDocument';
import type { DestinationStage, PupilRecordView, RecordEncounter } from '../graphql/myPupilRecord';

export interface AttendedActivity extends RecordEncounter {
  participationId: string;
}

/** The activities the pupil took part in (invited but absent left out), newest first. */
export function attendedActivities(record: Pick<PupilRecordView, 'participations'>): AttendedActivity[] {
  return (record.participations ?? [])
    .filter((participation) => participation.attended && participation.encounter)
    .map((participation) => ({ ...participation.encounter!, participationId: participation.id }))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

export function benchmarksCovered(activities: readonly AttendedActivity[]): number[] {
  return [...new Set(activities.flatMap((activity) => activity.benchmarks))].sort((a, b) => a - b);
}

/** The stages after leaving, as people read them (from @waymark/domain). */
export const LATER_STAGE_LABELS: Record<Exclude<DestinationStage, 'INTENDED'>, string> = DESTINATION_STAGE_LABELS;

const STAGE_ORDER: readonly DestinationStage[] = DESTINATION_STAGES;

/** Destinations after leaving, in stage order. */
export function laterDestinations(record: Pick<PupilRecordView, 'destinations'>): { stage: Exclude<DestinationStage, 'INTENDED'>; kindLabel: string }[] {
  return (record.destinations ?? [])
    .filter((destination): destination is { stage: Exclude<DestinationStage, 'INTENDED'>; kindLabel: string } => destination.stage !== 'INTENDED')
    .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
}

/** What the downloadable PDF needs from the record. */
export function toPdfRecord(record: PupilRecordView): RecordForPdf {
  return {
    displayName: record.displayName,
    schoolName: record.school?.name ?? null,
    yearGroup: record.yearGroup,
    activities: attendedActivities(record),
    intendedDestination: record.intendedDestination,
    laterDestinations: laterDestinations(record).map((destination) => ({
      stageLabel: LATER_STAGE_LABELS[destination.stage],
      kindLabel: destination.kindLabel,
    })),
  };
}
