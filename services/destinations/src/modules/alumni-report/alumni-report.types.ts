import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { EducationProviderKind, SpellActivity } from '../spell/spell.entity.js';
import { PupilStub } from '../external/pupil.stub.js';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { DestinationYears } from '../spell/spell.types.js';
import { AlumniReportRow } from './alumni-report.entity.js';

@InputType({ description: 'What a confirmed alumnus does now: the same questions and checks as a leaver’s self-report.' })
export class ReportWhereIAmNowInput {
  @Field(() => SpellActivity, { nullable: true })
  activity?: SpellActivity | null;

  @Field(() => EducationProviderKind, { nullable: true, description: 'Studying: where.' })
  providerKind?: EducationProviderKind | null;

  @Field(() => Int, { nullable: true, description: 'An apprenticeship: its level, 2 to 7.' })
  apprenticeshipLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'The college, university, training provider or employer.' })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'The course or job.' })
  course?: string | null;

  @Field(() => String, { nullable: true, description: 'When they started (YYYY-MM-DD), up to a month from today.' })
  startsOn?: string | null;
}

@ObjectType()
export class ReportWhereIAmNowResult {
  @Field(() => AlumniReportRow, { nullable: true })
  report: AlumniReportRow | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({
  description: 'A leaver of the caller’s school whom an alumni report could be about: followed today, agreed to being followed, Year 11 in a year that fits.',
})
export class AlumniReportCandidate {
  @Field(() => PupilStub)
  pupil: PupilStub;

  @Field(() => Int, { description: 'The summer they finished Year 11.' })
  leavingYear: number;
}

@ObjectType()
export class DecideAlumniReportResult {
  @Field(() => AlumniReportRow, { nullable: true })
  report: AlumniReportRow | null;

  @Field(() => ActivitySpellRow, { nullable: true, description: 'Matching: the leaver’s activity spell it became.' })
  spell: ActivitySpellRow | null;

  @Field(() => DestinationYears, { nullable: true, description: "Matching: the leaver's destinations with it counted." })
  destinationYears: DestinationYears | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class MatchAlumniReportInput {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The leaver, one of alumniReportCandidates.' })
  pupilId: string;
}
