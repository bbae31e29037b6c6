import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

@ObjectType({ description: 'A planned activity as a school publishes it: when, for which year groups, what and why; nothing about any pupil.' })
export class PublicProgrammeItem {
  @Field({ description: '"Autumn 1"' })
  halfTerm: string;

  @Field(() => [Int])
  yearGroups: number[];

  @Field({ description: '"Years 8 and 9"' })
  yearGroupsText: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => [String], { description: 'The benchmarks it works towards, in words: "Benchmark 7: Encounters with further and higher education".' })
  benchmarks: string[];
}

@ObjectType({
  description: "A school's public careers page: its programme summary, careers leader's contact, evaluation, next review and provider access policy statement.",
})
export class PublicCareersPage {
  @Field()
  schoolName: string;

  @Field()
  urn: string;

  @Field({ description: '"2026/27": the academic year of the programme shown.' })
  academicYear: string;

  @Field(() => [PublicProgrammeItem], { description: 'Ordered by half term, then title.' })
  programme: PublicProgrammeItem[];

  @Field()
  contactName: string;

  @Field()
  contactEmail: string;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field()
  evaluation: string;

  @Field({ description: 'YYYY-MM-DD' })
  reviewOn: string;

  @Field()
  statement: string;

  @Field({ description: 'YYYY-MM-DD: the day it was published.' })
  publishedOn: string;
}

@ObjectType({
  description: "A school's public careers page as its careers leader edits it: the saved draft, a generated statement to start from, and what is published.",
})
export class CareersPage {
  @Field()
  schoolName: string;

  @Field()
  urn: string;

  @Field({ description: 'The public address (path) of the page, served without sign-in: /schools/<urn>/careers.' })
  publicPath: string;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true })
  evaluation: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  reviewOn: string | null;

  @Field(() => String, { nullable: true, description: 'Rooms and facilities offered to visiting providers.' })
  premises: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The statement as the leader wrote it; null while they keep the generated draft, which then follows their settings and plan.',
  })
  statement: string | null;

  @Field({
    description: "A provider access policy statement generated from the saved settings and this year's planned provider encounters, to start from.",
  })
  draftStatement: string;

  @Field({ description: 'Whether the page is published.' })
  published: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date-time it was last published.' })
  publishedAt: string | null;

  @Field({ description: 'Published, and the saved draft or the programme has changed since.' })
  hasUnpublishedChanges: boolean;

  @Field(() => PublicCareersPage, { description: 'The page as it would look if published now (the saved draft and the current programme).' })
  preview: PublicCareersPage;
}

@InputType()
export class CareersPageInput {
  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  evaluation?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, today or later.' })
  reviewOn?: string | null;

  @Field(() => String, { nullable: true })
  premises?: string | null;

  @Field(() => String, { nullable: true })
  statement?: string | null;
}

@ObjectType()
export class CareersPageResult {
  @Field(() => CareersPage, { nullable: true })
  page: CareersPage | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
