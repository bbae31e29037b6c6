import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  OFFER_PLACE_KINDS,
  SEPTEMBER_OFFER_STATUS_KEYS,
  type OfferPlaceKind as DomainPlaceKind,
  type SeptemberOfferStatus as DomainStatus,
} from '@waymark/domain';

// Built from the domain's lists so the GraphQL enums and the check constraints cannot drift from them.
export const SeptemberOfferStatus = Object.fromEntries(SEPTEMBER_OFFER_STATUS_KEYS.map((key) => [key, key])) as { [K in DomainStatus]: K };
export type SeptemberOfferStatus = DomainStatus;
registerEnumType(SeptemberOfferStatus, {
  name: 'SeptemberOfferStatus',
  description: 'Whether a pupil has an offer of a place in education or training for September.',
});

export const OfferPlaceKind = Object.fromEntries(OFFER_PLACE_KINDS.map((key) => [key, key])) as { [K in DomainPlaceKind]: K };
export type OfferPlaceKind = DomainPlaceKind;
registerEnumType(OfferPlaceKind, { name: 'OfferPlaceKind', description: 'The kinds of place in education or training that count as an offer.' });

/**
 * What a school said about a pupil's September offer in Year 11 or Year 12 (docs/domain-rules.md,
 * "The September offer"). Rows are never changed: a new answer is a new row, the newest is current.
 */
@Entity({ tableName: 'september_offer', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Index({ properties: ['pupilId', 'yearGroup', 'enteredAt'] })
@Index({ properties: ['schoolId', 'yearGroup'] })
@ObjectType({ description: "A school's answer about a pupil's offer of a place for the September after Year 11 or Year 12." })
export class SeptemberOffer {
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
  @Field(() => Int, { description: 'The year group the pupil was in when it was recorded: 11 or 12.' })
  yearGroup: number;

  @Enum({ items: () => SeptemberOfferStatus })
  @Field(() => SeptemberOfferStatus)
  status: SeptemberOfferStatus;

  @Enum({ items: () => OfferPlaceKind, nullable: true })
  @Field(() => OfferPlaceKind, { nullable: true, description: 'An offer that was made: the kind of place.' })
  placeKind: OfferPlaceKind | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'An offer that was made: the school, college or employer, when known.' })
  provider: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why an offer is not appropriate, or anything else the school notes.' })
  note: string | null;

  /** The account that recorded it. */
  @Property({ type: 'string', length: 64 })
  enteredById: string;

  @Property({ type: 'string', length: 40 })
  @Field({ description: 'The staff role of whoever recorded it (careers_leader, staff, careers_adviser).' })
  enteredByRole: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  enteredAt: Date;
}
