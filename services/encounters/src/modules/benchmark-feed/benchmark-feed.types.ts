import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SyncChangeKind, SyncPageFields } from '@waymark/subgraph-kit';

export enum BenchmarkStateTombstoneReasonValue {
  NOT_ON_ROLL = 'NOT_ON_ROLL',
  NO_YEAR_GROUP = 'NO_YEAR_GROUP',
}
registerEnumType(BenchmarkStateTombstoneReasonValue, {
  name: 'BenchmarkStateTombstoneReason',
  description:
    "Why a pupil's state left the sync: no longer on roll at a school of the trust on the day of the nightly run (left, moved outside the trust, deleted or pseudonymised), or on roll but not in Years 7 to 13.",
});

@ObjectType({
  description:
    "A pupil's state on one benchmark measure as the nightly run published it: pseudonymous (Waymark's id for the pupil, their school and year group), never a name or what the state was worked out from.",
})
export class SyncedBenchmarkState {
  @Field(() => ID, { description: 'The pupil and the measure, as one key: the row to replace.' }) id: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID) schoolId: string;
  @Field(() => Int) yearGroup: number;
  @Field({ description: 'A measure key, e.g. B5_EMPLOYERS (the same keys as the dashboards).' }) measure: string;
  @Field({ description: 'MET, IN_PROGRESS, NOT_MET or NOT_APPLICABLE.' }) state: string;
  @Field(() => Int, { description: 'How many the pupil has of what the measure counts.' }) count: number;
  @Field(() => Int, { description: 'How many the measure needs.' }) needed: number;
  @Field({ description: 'The day (YYYY-MM-DD, in England) of the nightly run that published this state.' }) asOf: string;
}

@ObjectType({ description: "One change to one pupil's state on one measure, in the order changes are handed out." })
export class BenchmarkStateSyncChangeEntry {
  @Field(() => ID, { description: 'The pupil and the measure, as one key (the same as `state.id`).' }) stateId: string;
  @Field(() => ID) pupilId: string;
  @Field() measure: string;
  @Field(() => SyncChangeKind) kind: SyncChangeKind;
  @Field(() => BenchmarkStateTombstoneReasonValue, { nullable: true, description: 'For a tombstone, why it left the sync.' })
  reason: BenchmarkStateTombstoneReasonValue | null;
  @Field(() => SyncedBenchmarkState, { nullable: true, description: 'For an upsert, the state as published; null for a tombstone.' })
  state: SyncedBenchmarkState | null;
}

@ObjectType({ description: "A page of the trust's published benchmark state changes after a cursor." })
export class BenchmarkStateChangesPage extends SyncPageFields {
  @Field(() => [BenchmarkStateSyncChangeEntry], { description: "At most one per pupil's measure, oldest change first." })
  changes: BenchmarkStateSyncChangeEntry[];
}
