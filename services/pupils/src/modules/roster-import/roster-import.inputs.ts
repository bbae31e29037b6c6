import { Field, ID, InputType, Int } from 'type-graphql';
import type { RosterApiRow } from './roster-source.js';

@InputType()
export class ColumnMappingInput {
  @Field()
  header: string;

  @Field(() => String, { nullable: true, description: 'A rosterFields key, or null to ignore the column.' })
  field?: string | null;
}

@InputType({ description: "One pupil, as a trust's MIS integration sends it. Yes/no fields left out or null are left alone." })
export class RosterRowInput implements RosterApiRow {
  @Field()
  upn: string;

  @Field()
  legalSurname: string;

  @Field()
  legalForename: string;

  @Field(() => String, { nullable: true })
  preferredName?: string | null;

  @Field({ description: 'dd/mm/yyyy or yyyy-mm-dd.' })
  dateOfBirth: string;

  @Field(() => Int)
  yearGroup: number;

  @Field(() => String, { nullable: true })
  tutorGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'N (none), K (SEN support) or E (EHC plan).' })
  senStatus?: string | null;

  @Field(() => Boolean, { nullable: true })
  disadvantaged?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  eal?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  lookedAfter?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  youngCarer?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  serviceChild?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  refugee?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'The three-digit DfE code of the local authority the pupil lives in (e.g. 330); left out: left alone; null or blank: not recorded.',
  })
  homeLocalAuthority?: string | null;

  @Field(() => String, { nullable: true, description: "The pupil's address line 1; left out: left alone; null or blank: not recorded (likewise below)." })
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  addressTown?: string | null;

  @Field(() => String, { nullable: true, description: "The pupil's postcode, a UK postcode (stored upper-case with one space)." })
  addressPostcode?: string | null;

  @Field(() => String, { nullable: true, description: "A parent's or carer's name." })
  parentCarerName?: string | null;

  @Field(() => String, { nullable: true })
  parentCarerAddressLine1?: string | null;

  @Field(() => String, { nullable: true })
  parentCarerAddressLine2?: string | null;

  @Field(() => String, { nullable: true })
  parentCarerAddressTown?: string | null;

  @Field(() => String, { nullable: true, description: "The parent's or carer's postcode, a UK postcode." })
  parentCarerAddressPostcode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The parent or carer lives at the pupil's address (then give no address of theirs); left out or null: left alone.",
  })
  parentCarerSameAddress?: boolean | null;
}

@InputType()
export class RosterImportInput {
  @Field(() => String, { nullable: true, description: "The MIS export's bytes (UTF-8 with or without BOM, UTF-16 or Windows-1252), base64." })
  fileBase64?: string | null;

  @Field(() => [RosterRowInput], { nullable: true, description: "Or rows, for trusts' API integrations (same validation and report)." })
  rows?: RosterRowInput[] | null;

  @Field({ description: 'True: pupils of the school missing from the file are marked as left.' })
  fullRoster: boolean;

  @Field(() => [ColumnMappingInput], { nullable: true, description: 'Choices for headers Waymark does not recognise; remembered for the school.' })
  mapping?: ColumnMappingInput[] | null;

  @Field(() => ID, { nullable: true, description: 'Required for a trust API credential (scope roster:write); staff import into their own school.' })
  schoolId?: string | null;
}
