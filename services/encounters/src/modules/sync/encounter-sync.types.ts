import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EncounterKindEnum } from '../encounter/encounter.entity.js';
import type { EncounterKind } from '@waymark/domain';
import { SyncChangeKind, SyncPageFields } from '@waymark/subgraph-kit';

export enum EncounterTombstoneReasonValue {
  DELETED = 'DELETED',
  LEFT_TRUST = 'LEFT_TRUST',
}
registerEnumType(EncounterTombstoneReasonValue, {
  name: 'EncounterTombstoneReason',
  description: "Why an encounter or register row left the sync: deleted (an encounter's register goes with it), or now another trust's.",
});

@ObjectType({ description: "An encounter as a trust's sync carries it: what the encounters list gives a key, never the adviser's notes." })
export class SyncedEncounter {
  @Field(() => ID) id: string;
  @Field(() => ID) schoolId: string;
  @Field(() => EncounterKindEnum) kind: EncounterKind;
  @Field() title: string;
  @Field(() => Date) date: Date;
  @Field() hasTime: boolean;
  @Field(() => Date, { nullable: true }) endsAt: Date | null;
  @Field() inSchoolDay: boolean;
  @Field(() => Float) hours: number;
  @Field(() => [Int]) benchmarks: number[];
  @Field(() => [Int]) yearGroups: number[];
  @Field(() => String, { nullable: true }) subject: string | null;
  @Field() checklistMet: boolean;
  @Field() booked: boolean;
}

@ObjectType({
  description:
    "A register row as a trust's sync carries it: pseudonymous (the pupil's Waymark id, whether they attended or chose not to go), never their name or their reflection.",
})
export class SyncedParticipation {
  @Field(() => ID) id: string;
  @Field(() => ID) encounterId: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID) schoolId: string;
  @Field() attended: boolean;
  @Field() declined: boolean;
}

@ObjectType({ description: 'One change to one encounter of the trust, in the order changes are handed out.' })
export class EncounterSyncChangeEntry {
  @Field(() => ID) encounterId: string;
  @Field(() => SyncChangeKind) kind: SyncChangeKind;
  @Field(() => EncounterTombstoneReasonValue, { nullable: true, description: 'For a tombstone, why it left the sync.' })
  reason: EncounterTombstoneReasonValue | null;
  @Field(() => SyncedEncounter, { nullable: true, description: 'For an upsert, the encounter as it stands now; null for a tombstone.' })
  encounter: SyncedEncounter | null;
}

@ObjectType({ description: 'One change to one register row of the trust, in the order changes are handed out.' })
export class ParticipationSyncChangeEntry {
  @Field(() => ID) participationId: string;
  @Field(() => SyncChangeKind) kind: SyncChangeKind;
  @Field(() => EncounterTombstoneReasonValue, { nullable: true, description: 'For a tombstone, why it left the sync.' })
  reason: EncounterTombstoneReasonValue | null;
  @Field(() => SyncedParticipation, { nullable: true, description: 'For an upsert, the row as it stands now; null for a tombstone.' })
  participation: SyncedParticipation | null;
}

@ObjectType({ description: "A page of the trust's encounter changes after a cursor." })
export class EncounterChangesPage extends SyncPageFields {
  @Field(() => [EncounterSyncChangeEntry], { description: 'At most one per encounter, oldest change first.' }) changes: EncounterSyncChangeEntry[];
}

@ObjectType({ description: "A page of the trust's register changes after a cursor." })
export class ParticipationChangesPage extends SyncPageFields {
  @Field(() => [ParticipationSyncChangeEntry], { description: 'At most one per register row, oldest change first.' }) changes: ParticipationSyncChangeEntry[];
}
