import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SyncChangeKind, SyncPageFields } from '@waymark/subgraph-kit';

export enum PupilTombstoneReasonValue {
  TRANSFERRED = 'TRANSFERRED',
  DELETED = 'DELETED',
  PSEUDONYMISED = 'PSEUDONYMISED',
}
registerEnumType(PupilTombstoneReasonValue, {
  name: 'PupilTombstoneReason',
  description: 'Why a pupil left the sync: moved to a school outside the trust, deleted, or pseudonymised after they left.',
});

@ObjectType({
  description:
    "A pupil as a trust's sync carries them: a pseudonymous row (Waymark's id, school, year group, dates on roll), never a name, UPN, birthday, contact detail or vulnerable group.",
})
export class SyncedPupil {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The school of the trust the pupil is at (or last was, when they have left).' })
  schoolId: string;

  @Field(() => Int, { nullable: true, description: 'The year group as last set (a rollover moves it on).' })
  yearGroup: number | null;

  @Field(() => String, { description: 'The day the pupil started at this school (YYYY-MM-DD).' })
  enrolledOn: string;

  @Field(() => String, { nullable: true, description: 'The day the pupil left this school (YYYY-MM-DD); null while on roll.' })
  leftOn: string | null;

  /**
   * Subgraph-to-subgraph only: whether the trust's destinations feed may carry this pupil's rows.
   * Never in the public schema (a key reads no consent).
   */
  @Directive('@inaccessible')
  @Field({
    description:
      "Subgraph-to-subgraph only: true when the pupil agreed to being followed after 16 and nobody opted them out of sharing; the destinations subgraph's sync carries their rows only then.",
  })
  destinationSharing: boolean;
}

@ObjectType({ description: 'One change to one pupil of the trust, in the order changes are handed out.' })
export class PupilSyncChangeEntry {
  @Field(() => ID)
  pupilId: string;

  @Field(() => SyncChangeKind)
  kind: SyncChangeKind;

  @Field(() => PupilTombstoneReasonValue, { nullable: true, description: 'For a tombstone, why the pupil left the sync.' })
  reason: PupilTombstoneReasonValue | null;

  @Field(() => SyncedPupil, { nullable: true, description: 'For an upsert, the pupil as they stand now; null for a tombstone.' })
  pupil: SyncedPupil | null;
}

@ObjectType({ description: "A page of the trust's pupil changes after a cursor." })
export class PupilChangesPage extends SyncPageFields {
  @Field(() => [PupilSyncChangeEntry], { description: 'At most one per pupil, oldest change first.' })
  changes: PupilSyncChangeEntry[];
}
