import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VolunteerKind {
  EMPLOYEE = 'EMPLOYEE',
  ALUMNI = 'ALUMNI',
}
registerEnumType(VolunteerKind, { name: 'VolunteerKind' });

/**
 * Someone who gives time to schools: an employer's employee, or a former pupil acting as a role
 * model. `schoolIds` are the schools they volunteer with; every access rule starts from it.
 */
@Entity({ tableName: 'volunteer' })
@Index({ properties: ['schoolIds'], type: 'gin' })
@Index({ properties: ['activities'], type: 'gin' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Volunteer {
  [OptionalProps]?:
    | 'activities'
    | 'sectors'
    | 'homePostcode'
    | 'reach'
    | 'reachDistricts'
    | 'radiusMiles'
    | 'availability'
    | 'roleModelJob'
    | 'roleModelRoute'
    | 'roleModelCharacteristics'
    | 'roleModelConsentedAt'
    | 'profileUpdatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Enum({ items: () => VolunteerKind })
  @Field(() => VolunteerKind)
  kind: VolunteerKind;

  @Property({ type: 'string' })
  @Field()
  firstName: string;

  @Property({ type: 'string' })
  @Field()
  lastName: string;

  @Property({ type: 'string' })
  @Field()
  jobTitle: string;

  @Property({ type: 'string' })
  email: string;

  @Property({ type: 'uuid', nullable: true })
  alumniOfSchoolId: string | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  leftSchoolYear: number | null;

  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  schoolIds: string[];

  /** What they offer schools (keys of VOLUNTEER_ACTIVITIES in @waymark/domain). */
  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  activities: string[] = [];

  /** SIC 2007 section letters of the work they can speak about. */
  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  sectors: string[] = [];

  /** Normalised UK postcode; the volunteer alone sees it. */
  @Property({ type: 'string', length: 10, nullable: true })
  homePostcode: string | null = null;

  /** DISTRICTS, RADIUS or VIRTUAL_ONLY (VOLUNTEER_REACH_KINDS); null until the profile is filled in. */
  @Property({ type: 'string', length: 20, nullable: true })
  reach: string | null = null;

  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  reachDistricts: string[] = [];

  @Property({ type: 'smallint', nullable: true })
  radiusMiles: number | null = null;

  @Property({ type: 'text', default: '' })
  availability: string = '';

  /** The role-model profile, shown only once the volunteer has agreed to it (`roleModelConsentedAt`). */
  @Property({ type: 'string', length: 200, nullable: true })
  roleModelJob: string | null = null;

  @Property({ type: 'text', nullable: true })
  roleModelRoute: string | null = null;

  @Property({ type: 'text', nullable: true })
  roleModelCharacteristics: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  roleModelConsentedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  profileUpdatedAt: Date | null = null;
}
