import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A young person's record at one school. `schoolId` and `trustId` are on the row so every query can
 * be scoped to the caller's tenant.
 */
@Entity({ tableName: 'pupil' })
@Unique({ properties: ['schoolId', 'upn'] })
@Index({ properties: ['schoolId', 'yearGroup', 'legalSurname'] })
@ObjectType()
@Directive('@key(fields: "id")')
export class Pupil {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Index()
  @Property({ type: 'string', length: 13 })
  upn: string;

  @Property({ type: 'string' })
  legalForename: string;

  @Property({ type: 'string' })
  legalSurname: string;

  @Property({ type: 'string', nullable: true })
  preferredName: string | null;

  @Property({ type: 'date' })
  dateOfBirth: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  yearGroup: number | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  tutorGroup: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  leftOn: string | null;

  @Property({ type: 'boolean', default: false }) senSupport = false;
  @Property({ type: 'boolean', default: false }) ehcp = false;
  @Property({ type: 'boolean', default: false }) disadvantaged = false;
  @Property({ type: 'boolean', default: false }) lookedAfter = false;
  @Property({ type: 'boolean', default: false }) eal = false;
  @Property({ type: 'boolean', default: false }) youngCarer = false;
  @Property({ type: 'boolean', default: false }) youngParent = false;
  @Property({ type: 'boolean', default: false }) youthJustice = false;
  @Property({ type: 'boolean', default: false }) refugee = false;
  @Property({ type: 'boolean', default: false }) serviceChild = false;
  @Property({ type: 'boolean', default: false }) persistentAbsence = false;
  @Property({ type: 'boolean', default: false }) neetRisk = false;
  @Property({ type: 'smallint', nullable: true }) neetRiskScore: number | null = null;
}

@ObjectType({ description: 'Vulnerable and target groups. Staff of the pupil\'s own school only.' })
export class PupilFlags {
  @Field() senSupport: boolean;
  @Field() ehcp: boolean;
  @Field() disadvantaged: boolean;
  @Field() lookedAfter: boolean;
  @Field() eal: boolean;
  @Field() youngCarer: boolean;
  @Field() youngParent: boolean;
  @Field() youthJustice: boolean;
  @Field() refugee: boolean;
  @Field() serviceChild: boolean;
  @Field() persistentAbsence: boolean;
  @Field() neetRisk: boolean;
  @Field(() => Int, { nullable: true }) neetRiskScore: number | null;
}
