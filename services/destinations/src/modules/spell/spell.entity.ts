import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SPELL_SYNC_TRIGGER } from '../sync/destination-sync-change.entity.js';
import { ACTIVITY_KEYS, EDUCATION_PROVIDER_KIND_KEYS, type Activity, type EducationProviderKind as DomainProviderKind } from '@waymark/domain';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

// Built from the domain's lists so the GraphQL enums and the check constraints cannot drift from them.
export const SpellActivity = enumOf(ACTIVITY_KEYS);
export type SpellActivity = Activity;
registerEnumType(SpellActivity, { name: 'SpellActivity', description: 'What a young person is doing during a spell after Year 11.' });

export const EducationProviderKind = enumOf(EDUCATION_PROVIDER_KIND_KEYS);
export type EducationProviderKind = DomainProviderKind;
registerEnumType(EducationProviderKind, { name: 'EducationProviderKind' });

export const SPELL_SOURCES = ['STAFF', 'SELF_REPORTED', 'LA_CONFIRMATION'] as const;
export const SpellSource = enumOf(SPELL_SOURCES);
export type SpellSource = (typeof SPELL_SOURCES)[number];
registerEnumType(SpellSource, {
  name: 'SpellSource',
  description: "Who said so: the school's staff, the young person themself, or the local authority's confirmation.",
});

/**
 * One stretch of time a leaver spent doing one thing after Year 11 (docs/domain-rules.md,
 * "Destinations"). `leavingYear` is the summer they finished Year 11, worked out from their date of
 * birth when the spell was recorded. `schoolId` and `trustId` are on the row so every query can be
 * scoped to the caller's tenant.
 */
@Entity({ tableName: 'activity_spell', triggers: [SPELL_SYNC_TRIGGER], ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Index({ properties: ['pupilId', 'startsOn'] })
@Index({ properties: ['schoolId', 'leavingYear'] })
@Index({ properties: ['trustId', 'leavingYear'] })
@Index({
  name: 'activity_spell_event_waiting_index',
  expression:
    'create index "activity_spell_event_waiting_index" on "activity_spell" ("event_at", "id") where "event_at" is not null and "event_forwarded_at" is null',
})
@ObjectType('ActivitySpell', { description: 'One stretch of time a leaver spent doing one thing after Year 11.' })
export class ActivitySpellRow {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The calendar year of the summer the young person finished Year 11.' })
  leavingYear: number;

  @Enum({ items: () => SpellActivity })
  @Field(() => SpellActivity)
  activity: SpellActivity;

  @Enum({ items: () => EducationProviderKind, nullable: true })
  @Field(() => EducationProviderKind, { nullable: true, description: 'Education only.' })
  providerKind: EducationProviderKind | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Apprenticeships only: level 2 to 7.' })
  apprenticeshipLevel: number | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The college, university, training provider or employer.' })
  provider: string | null;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD' })
  startsOn: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it is still going on.' })
  endsOn: string | null;

  @Enum({ items: () => SpellSource })
  @Field(() => SpellSource)
  source: SpellSource;

  @Field({ description: 'Whether the school has confirmed it (for example with the young person or their provider).' })
  @Property({ type: 'boolean' })
  confirmed: boolean;

  /** The account that recorded it. */
  @Property({ type: 'string', length: 64 })
  enteredById: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  enteredAt: Date;

  /**
   * When the trust is to hear of this spell, the moment its `destination.recorded` webhook event
   * happened (null: no event, the trust may not hear of this leaver). The spell row is its own event
   * in the outbox the gateway relays (spell.webhook.ts); the event's id is the spell's.
   */
  @Property({ type: 'timestamptz', nullable: true })
  eventAt: Date | null = null;

  /** When identity took the event over from the relay (null: still waiting, or no event). */
  @Property({ type: 'timestamptz', nullable: true })
  eventForwardedAt: Date | null = null;
}
