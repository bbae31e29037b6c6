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
@ObjectType()
@Directive('@key(fields: "id")')
export class Volunteer {
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
}
