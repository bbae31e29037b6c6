import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AlumniConfirmationStatus {
  AWAITING = 'AWAITING',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
}
registerEnumType(AlumniConfirmationStatus, { name: 'AlumniConfirmationStatus' });

@Directive('@inaccessible')
@InputType({ description: "A volunteer's sign-up as identity holds it, once their email is confirmed." })
export class ProvisionSignedUpVolunteerInput {
  @Field(() => ID, { description: 'The identity account: the idempotency key (one account, one volunteer).' })
  accountId: string;

  @Field({ description: 'employer or alumni' })
  kind: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field()
  jobTitle: string;

  @Field(() => String, { nullable: true })
  organisationName?: string | null;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  sizeBand?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => ID, { nullable: true, description: "A former pupil's school, chosen from Waymark's list." })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: "That school's name as Waymark's list has it (for display; never matched on)." })
  schoolName?: string | null;

  @Field(() => Int, { nullable: true })
  yearLeft?: number | null;
}

@Directive('@inaccessible')
@ObjectType()
export class ProvisionedVolunteer {
  @Field(() => ID)
  volunteerId: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;
}

@ObjectType({ description: 'A former pupil who chose the school at sign-up and is waiting for it to confirm they were a pupil there. No contact details.' })
export class AlumnusAwaitingConfirmation {
  @Field(() => ID)
  volunteerId: string;

  @Field()
  displayName: string;

  @Field()
  jobTitle: string;

  @Field(() => Int, { nullable: true })
  leftSchoolYear: number | null;

  @Field({ description: "The school they chose, by Waymark's name for it when they signed up." })
  schoolNameGiven: string;

  @Field(() => Date)
  signedUpAt: Date;
}

@InputType()
export class DecideAlumnusInput {
  @Field(() => ID)
  volunteerId: string;

  @Field({ description: 'True to confirm they were a pupil at the school, false to decline.' })
  confirm: boolean;

  @Field(() => String, { nullable: true, description: 'To the former pupil; needed when declining. At most 1,000 characters.' })
  message?: string | null;
}

@ObjectType({ description: "A signed-up former pupil's own view of their school's answer." })
export class MyAlumniConfirmation {
  @Field(() => AlumniConfirmationStatus)
  status: AlumniConfirmationStatus;

  @Field({ description: "The school they chose, by Waymark's name for it when they signed up." })
  schoolNameGiven: string;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@Directive('@inaccessible')
@ObjectType({
  description:
    "For the destinations subgraph, asked with the caller's own credential: the signed-in alumnus, if a school has confirmed they were a pupil there. Never about anyone else.",
})
export class ConfirmedAlumnus {
  @Field(() => ID)
  volunteerId: string;

  @Field(() => ID, { description: 'The school that confirmed them.' })
  schoolId: string;

  @Field({ description: 'Their name as they gave it at sign-up.' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'The year they say they left the school.' })
  yearLeft: number | null;
}
