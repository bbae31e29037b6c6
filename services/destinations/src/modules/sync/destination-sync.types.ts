import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SyncChangeKind, SyncPageFields } from '@waymark/subgraph-kit';
import { EducationProviderKind, SpellActivity, SpellSource } from '../spell/spell.entity.js';

export enum DestinationTombstoneReasonValue {
  DELETED = 'DELETED',
  LEFT_TRUST = 'LEFT_TRUST',
  OPTED_OUT = 'OPTED_OUT',
  PSEUDONYMISED = 'PSEUDONYMISED',
}
registerEnumType(DestinationTombstoneReasonValue, {
  name: 'DestinationTombstoneReason',
  description:
    "Why a spell left the sync: deleted; now another trust's, or its young person is no longer in the trust's records; the young person has not agreed to being followed after 16 or they (or their parent) opted out of sharing; or they were pseudonymised.",
});

@ObjectType({
  description:
    "An activity spell as a trust's sync carries it: pseudonymous (the young person's Waymark id, what they did and when), never their name, the provider's name or who recorded it.",
})
export class SyncedDestinationSpell {
  @Field(() => ID) id: string;
  @Field(() => ID) pupilId: string;
  @Field(() => ID, { description: 'The school of the trust that recorded it (the one the young person left).' }) schoolId: string;
  @Field(() => Int, { description: 'The calendar year of the summer the young person finished Year 11.' }) leavingYear: number;
  @Field(() => SpellActivity) activity: SpellActivity;
  @Field(() => EducationProviderKind, { nullable: true, description: 'Education only.' }) providerKind: EducationProviderKind | null;
  @Field(() => Int, { nullable: true, description: 'Apprenticeships only: level 2 to 7.' }) apprenticeshipLevel: number | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it is still going on.' }) endsOn: string | null;
  @Field(() => SpellSource) source: SpellSource;
  @Field() confirmed: boolean;
}

@ObjectType({ description: 'One change to one activity spell of the trust, in the order changes are handed out.' })
export class DestinationSyncChangeEntry {
  @Field(() => ID) spellId: string;
  @Field(() => SyncChangeKind) kind: SyncChangeKind;
  @Field(() => DestinationTombstoneReasonValue, { nullable: true, description: 'For a tombstone, why it left the sync.' })
  reason: DestinationTombstoneReasonValue | null;
  @Field(() => SyncedDestinationSpell, { nullable: true, description: 'For an upsert, the spell as it stands now; null for a tombstone.' })
  spell: SyncedDestinationSpell | null;
}

@ObjectType({ description: "A page of the trust's destination changes after a cursor." })
export class DestinationChangesPage extends SyncPageFields {
  @Field(() => [DestinationSyncChangeEntry], { description: 'At most one per spell, oldest change first.' }) changes: DestinationSyncChangeEntry[];
}
