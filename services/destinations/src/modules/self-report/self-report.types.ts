import { Field, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { DestinationYears } from '../spell/spell.types.js';
import { SelfReportRow } from './self-report.entity.js';

@ObjectType({ description: 'A private link a leaver opens to say what they are doing now. The token is shown only once, when the link is made.' })
export class SelfReportLink {
  @Field(() => PupilStub)
  pupil: PupilStub;

  @Field({ description: 'Goes after #token= in the link (/where-are-you-now#token=…). Waymark keeps only its hash.' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType()
export class CreateSelfReportLinkResult {
  @Field(() => SelfReportLink, { nullable: true })
  link: SelfReportLink | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class CreateSelfReportLinksResult {
  @Field(() => [SelfReportLink], { description: 'One new link for each leaver to follow up today who agreed to being followed.' })
  links: SelfReportLink[];

  @Field(() => Int, { description: 'How many leavers to follow up got no link because they have not agreed to being followed after 16.' })
  withoutConsent: number;
}

@ObjectType()
export class DecideSelfReportResult {
  @Field(() => SelfReportRow, { nullable: true })
  report: SelfReportRow | null;

  @Field(() => ActivitySpellRow, { nullable: true, description: 'Confirming: the activity spell it became.' })
  spell: ActivitySpellRow | null;

  @Field(() => DestinationYears, { nullable: true, description: "Confirming: the leaver's destinations with it counted." })
  destinationYears: DestinationYears | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
