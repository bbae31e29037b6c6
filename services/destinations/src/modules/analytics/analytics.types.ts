import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VULNERABLE_GROUP_CODES, type VulnerableGroupCode } from '@waymark/domain';
import { DESTINATION_CATEGORY_KEYS, type DestinationCategory as Category } from './analytics.rules.js';

export const DestinationCategory = Object.fromEntries(DESTINATION_CATEGORY_KEYS.map((key) => [key, key])) as { [K in Category]: K };
export type DestinationCategory = Category;
registerEnumType(DestinationCategory, {
  name: 'DestinationCategory',
  description:
    'A kind of destination as the figures count it. SCHOOL_SIXTH_FORM; COLLEGE (sixth-form or further education college); OTHER_EDUCATION (university, other education, a supported internship or traineeship); APPRENTICESHIP; EMPLOYMENT (with or without training); OTHER (a gap year or something else: intentions only); NEET; NOT_KNOWN (a "not known" spell, nothing recorded, or no intention recorded).',
});

/** The same enum as the pupils and encounters subgraphs' (same name and values, so it composes). */
export const VulnerableGroupEnum = Object.fromEntries(Object.values(VULNERABLE_GROUP_CODES).map((code) => [code, code])) as {
  [C in VulnerableGroupCode]: C;
};
registerEnumType(VulnerableGroupEnum, { name: 'VulnerableGroup' });

@ObjectType({ description: "A count of leavers with its share of the row's leavers; withheld (null) when small for a caller who may not see exact figures." })
export class DestinationFigure {
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Per cent of the row's leavers, to one decimal place; null when suppressed, when the leavers are suppressed or none, and for the leavers themselves.",
  })
  percent: number | null;

  @Field({ description: 'True when the count is withheld: from 1 to 4, or withheld so that such a count cannot be worked out from a total.' })
  suppressed: boolean;

  @Field({ description: "True when the count is a vulnerable group's, rounded to the nearest 5 for an analyst without pupil-level access." })
  rounded: boolean;
}

@ObjectType({ description: 'How many leavers meant to go to, went to in September, and are now in, one kind of destination.' })
export class DestinationCategoryFigures {
  @Field(() => DestinationCategory)
  category: DestinationCategory;

  @Field({ description: 'For people, e.g. "School sixth form".' })
  label: string;

  @Field(() => DestinationFigure, { description: 'By their newest Year 11 intention.' })
  intended: DestinationFigure;

  @Field(() => DestinationFigure, { description: 'By their September destination.' })
  september: DestinationFigure;

  @Field(() => DestinationFigure, { description: 'By the spell covering today (the one that started last).' })
  current: DestinationFigure;
}

@ObjectType({ description: 'The destination figures of one leaving year, for one school (or the trust), for all leavers or one vulnerable group.' })
export class DestinationFigures {
  @Field(() => Int, { description: 'The summer the leavers finished Year 11.' })
  leavingYear: number;

  @Field(() => ID, { nullable: true, description: 'Null: the whole trust.' })
  schoolId: string | null;

  @Field(() => String, { nullable: true })
  schoolName: string | null;

  @Field(() => VulnerableGroupEnum, { nullable: true, description: 'Null: all leavers.' })
  group: VulnerableGroupCode | null;

  @Field({ description: 'True while September of the leaving year has not begun: every September destination is then not known.' })
  septemberTooEarly: boolean;

  @Field({ description: 'True once the first destination year (to 31 July after) has ended, so `sustained` will not change.' })
  yearOneSettled: boolean;

  @Field(() => DestinationFigure, { description: 'Year 11 leavers counted (the base of every percentage).' })
  leavers: DestinationFigure;

  @Field(() => [DestinationCategoryFigures], { description: 'Every category, in a fixed order; each column adds up to the leavers.' })
  categories: DestinationCategoryFigures[];

  @Field(() => DestinationFigure, { description: 'Sustained in destination year 1 (docs/domain-rules.md, "Destinations").' })
  sustained: DestinationFigure;

  @Field(() => DestinationFigure, { description: 'Leavers whose September destination is the kind their Year 11 intention named.' })
  intentionMet: DestinationFigure;
}

@ObjectType({ description: 'Year 11 leavers\' destinations as figures, per leaving year and school (docs/api-contract.md, "Destination figures").' })
export class DestinationAnalytics {
  @Field({ description: 'False when small numbers are withheld (an analyst without pupil-level access).' })
  exact: boolean;

  @Field(() => Int, { description: 'Counts from 1 to this minus one are withheld when not exact.' })
  suppressBelow: number;

  @Field(() => [Int], { description: 'The leaving years with rows, newest first.' })
  leavingYears: number[];

  @Field(() => [DestinationFigures], { description: 'Newest year first; within a year all leavers before the group, schools by name, then the trust.' })
  rows: DestinationFigures[];
}
