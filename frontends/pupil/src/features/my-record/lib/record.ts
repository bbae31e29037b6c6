import { DESTINATION_STAGES, DESTINATION_STAGE_LABELS } from '@waymark/domain';
import { benchmarksCovered } from '../../../shared/coverage';
import type { DestinationStage, PupilRecordView, RecordEncounter } from '../graphql/myPupilRecord';

export interface AttendedActivity extends RecordEncounter {
  participationId: string;
  /** What the pupil wrote about it afterwards, if anything. */
  reflection: string | null;
}

/** The activities the pupil took part in (invited but absent left out), newest first. */
export function attendedActivities(record: Pick<PupilRecordView, 'participations'>): AttendedActivity[] {
  return (record.participations ?? [])
    .filter((participation) => participation.attended && participation.encounter)
    .map((participation) => ({ ...participation.encounter!, participationId: participation.id, reflection: participation.reflection ?? null }))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** The record's key figures: activities attended, and the benchmarks covered (null when progress could not be read). */
export function recordFigures(record: Pick<PupilRecordView, 'participations' | 'benchmarkProgress'>): { attended: number; covered: number[] | null } {
  return { attended: attendedActivities(record).length, covered: benchmarksCovered(record.benchmarkProgress) };
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
