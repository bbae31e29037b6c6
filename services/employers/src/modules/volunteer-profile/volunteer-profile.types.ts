import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  SIC_SECTION_KEYS,
  SIC_SECTIONS,
  VOLUNTEER_ACTIVITIES,
  VOLUNTEER_ACTIVITY_KEYS,
  VOLUNTEER_REACH_KINDS,
  type SicSection,
  type VolunteerActivity,
  type VolunteerReachKind,
} from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { Volunteer } from '../volunteer/volunteer.entity.js';

/** The GraphQL enums: names and values are the keys of @waymark/domain's lists. */
export const VolunteerActivityEnum = Object.fromEntries(VOLUNTEER_ACTIVITY_KEYS.map((key) => [key, key])) as { [K in VolunteerActivity]: K };
registerEnumType(VolunteerActivityEnum, {
  name: 'VolunteerActivity',
  description: 'What a volunteer can offer a school.',
  valuesConfig: Object.fromEntries(VOLUNTEER_ACTIVITY_KEYS.map((key) => [key, { description: VOLUNTEER_ACTIVITIES[key].label }])),
});

export const SicSectionEnum = Object.fromEntries(SIC_SECTION_KEYS.map((key) => [key, key])) as { [K in SicSection]: K };
registerEnumType(SicSectionEnum, {
  name: 'SicSection',
  description: 'A section of the UK Standard Industrial Classification 2007.',
  valuesConfig: Object.fromEntries(SIC_SECTION_KEYS.map((key) => [key, { description: SIC_SECTIONS[key] }])),
});

export const VolunteerReachKindEnum = Object.fromEntries(VOLUNTEER_REACH_KINDS.map((key) => [key, key])) as { [K in VolunteerReachKind]: K };
registerEnumType(VolunteerReachKindEnum, {
  name: 'VolunteerReachKind',
  description: 'How far a volunteer travels: named postcode districts, a radius from home, or online only.',
});

@ObjectType({ description: 'How far a volunteer will travel to a school.' })
export class VolunteerReach {
  @Field(() => VolunteerReachKindEnum)
  kind: VolunteerReachKind;

  @Field(() => [String], { description: 'DISTRICTS: the postcode districts, like LS6.' })
  districts: string[];

  @Field(() => Int, { nullable: true, description: 'RADIUS: miles from home.' })
  radiusMiles: number | null;
}

@ObjectType({ description: 'What a volunteer agreed to show pupils and schools about their work and how they got there.' })
export class RoleModelProfile {
  @Field()
  jobTitle: string;

  @Field({ description: 'How they got into their job.' })
  route: string;

  @Field({ description: 'What they chose to say about themselves (for example, first in their family at university).' })
  characteristics: string;
}

@InputType()
export class RoleModelInput {
  @Field()
  jobTitle: string;

  @Field()
  route: string;

  @Field(() => String, { nullable: true })
  characteristics?: string | null;

  @Field({ description: 'The volunteer agrees to pupils and schools seeing this profile; it is not saved without it.' })
  consent: boolean;
}

@InputType({ description: "The volunteer's whole profile; what is left out is cleared." })
export class UpdateMyVolunteerProfileInput {
  @Field(() => [VolunteerActivityEnum])
  activities: VolunteerActivity[];

  @Field(() => [SicSectionEnum], { nullable: true })
  sectors?: SicSection[] | null;

  @Field()
  homePostcode: string;

  @Field(() => VolunteerReachKindEnum)
  reach: VolunteerReachKind;

  @Field(() => [String], { nullable: true, description: 'DISTRICTS: postcode districts such as LS6.' })
  districts?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'RADIUS: whole miles from home, 1 to 200.' })
  radiusMiles?: number | null;

  @Field(() => String, { nullable: true })
  availability?: string | null;

  @Field(() => RoleModelInput, { nullable: true, description: 'Left out: no role-model profile (any earlier one is removed).' })
  roleModel?: RoleModelInput | null;
}

@ObjectType()
export class UpdateMyVolunteerProfileResult {
  @Field(() => Volunteer, { nullable: true })
  volunteer: Volunteer | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
