import type { BenchmarkMeasureKey } from '@waymark/domain';

/*
 * The assessment areas of the self-evaluation, in Waymark's own words (docs/domain-rules.md, "Self-evaluation").
 * An area is answered either from the records (a pre-fill rule over the school's coverage) or by the careers leader.
 */

/** How an area answered from the records reads the school's coverage. */
export type PrefillRule =
  /** Every year group the measure applies to reaches `share` of its pupils (met; or met or started when `started`). */
  | { kind: 'everyYearGroup'; measure: BenchmarkMeasureKey; share: number; started?: boolean }
  /** Every vulnerable group with pupils is no more than `gap` (a share) behind the whole school on the measure. */
  /** The school's public careers page (the publication module's CAREERS_PAGE_* cell): published and not past its review date. */
  | { kind: 'careersPage' }
  | { kind: 'groupsKeepUp'; measure: BenchmarkMeasureKey; gap: number }
  /** Feedback this school year from each of `measures` (the evaluation module's FEEDBACK_* cells): achieved with all, in progress with some. */
  | { kind: 'feedbackFromAll'; measures: readonly string[] };

export interface AssessmentArea {
  key: string;
  benchmark: number;
  text: string;
  /** Null: the careers leader answers it. */
  rule: PrefillRule | null;
}

const every = (measure: BenchmarkMeasureKey, share = 0.9, started = false): PrefillRule => ({ kind: 'everyYearGroup', measure, share, started });

export const ASSESSMENT_AREAS: readonly AssessmentArea[] = [
  // 1: a whole-school matter; the leader answers most areas, feedback records answer the review.
  {
    key: 'B1_PUBLISHED',
    benchmark: 1,
    text: 'The careers programme is published on the school website for pupils, parents, staff and employers.',
    rule: { kind: 'careersPage' },
  },
  { key: 'B1_PLANNED', benchmark: 1, text: 'The programme is planned year by year, with what pupils should learn at each stage.', rule: null },
  { key: 'B1_BACKED', benchmark: 1, text: 'The head teacher and governors back the programme, and a governor takes a lead on careers.', rule: null },
  {
    key: 'B1_REVIEWED',
    benchmark: 1,
    text: 'The programme is reviewed every year using feedback from pupils, parents, staff and employers.',
    rule: { kind: 'feedbackFromAll', measures: ['FEEDBACK_PUPILS', 'FEEDBACK_PARENTS', 'FEEDBACK_STAFF', 'FEEDBACK_EMPLOYERS'] },
  },

  {
    key: 'B2_USED',
    benchmark: 2,
    text: 'At least 9 in 10 pupils in each year group have used careers and labour market information in their key stage.',
    rule: every('B2_LMI'),
  },
  { key: 'B2_PARENTS', benchmark: 2, text: 'Parents and carers are given careers and labour market information to help their children decide.', rule: null },
  { key: 'B2_STAFF', benchmark: 2, text: 'Staff who talk to pupils about their future have up-to-date labour market information.', rule: null },

  {
    key: 'B3_GROUPS_EMPLOYERS',
    benchmark: 3,
    text: 'Pupils in every vulnerable group meet employers about as often as the whole school (no more than 10 points behind).',
    rule: { kind: 'groupsKeepUp', measure: 'B5_EMPLOYERS', gap: 0.1 },
  },
  {
    key: 'B3_GROUPS_GUIDANCE',
    benchmark: 3,
    text: 'Pupils in every vulnerable group get personal guidance by 16 about as often as the whole school (no more than 10 points behind).',
    rule: { kind: 'groupsKeepUp', measure: 'B8_BY_16', gap: 0.1 },
  },
  { key: 'B3_INTENDED', benchmark: 3, text: 'Every Year 11 pupil has an intended destination recorded.', rule: null },
  { key: 'B3_FOLLOWED', benchmark: 3, text: 'Leavers’ destinations are followed for three years after Year 11.', rule: null },
  { key: 'B3_OWN_RECORD', benchmark: 3, text: 'Pupils can see their own careers record and add to it.', rule: null },

  {
    key: 'B4_ALL_SUBJECTS',
    benchmark: 4,
    text: 'At least 9 in 10 pupils in each year group have met a careers link in every subject this year.',
    rule: every('B4_CURRICULUM'),
  },
  {
    key: 'B4_SOME_SUBJECTS',
    benchmark: 4,
    text: 'At least 9 in 10 pupils in each year group have met a careers link in some subjects this year.',
    rule: every('B4_CURRICULUM', 0.9, true),
  },
  { key: 'B4_TEACHERS', benchmark: 4, text: 'Subject teachers are helped to link their subject to careers.', rule: null },

  {
    key: 'B5_EACH_YEAR',
    benchmark: 5,
    text: 'At least 9 in 10 pupils in each year group have had an encounter with employers this year.',
    rule: every('B5_EMPLOYERS'),
  },
  {
    key: 'B5_EVERY_PUPIL',
    benchmark: 5,
    text: 'Every pupil in each year group has had an encounter with employers this year.',
    rule: every('B5_EMPLOYERS', 1),
  },
  { key: 'B5_PLANNED_WITH', benchmark: 5, text: 'Employers help plan the encounters, so that pupils can ask questions and join in.', rule: null },

  { key: 'B6_BY_16', benchmark: 6, text: 'At least 9 in 10 pupils have had two experiences of workplaces by the end of Year 11.', rule: every('B6_BY_16') },
  {
    key: 'B6_BY_18',
    benchmark: 6,
    text: 'At least 9 in 10 sixth-formers have had one more experience of a workplace by the end of Year 13.',
    rule: every('B6_BY_18'),
  },
  { key: 'B6_FOLLOW_UP', benchmark: 6, text: 'Pupils are helped to think about what they learned from each experience of a workplace.', rule: null },

  {
    key: 'B7_BY_16',
    benchmark: 7,
    text: 'At least 9 in 10 pupils have met a sixth form, a college, a university and a training provider by the end of Year 11.',
    rule: every('B7_BY_16'),
  },
  {
    key: 'B7_BY_18',
    benchmark: 7,
    text: 'At least 9 in 10 sixth-formers thinking about university have visited two universities by the end of Year 13.',
    rule: every('B7_BY_18'),
  },
  {
    key: 'B7_ACCESS_8_9',
    benchmark: 7,
    text: 'Every pupil has had two encounters with technical-education providers between Year 8 and February of Year 9.',
    rule: every('PROVIDER_ACCESS_Y8_9', 1),
  },
  {
    key: 'B7_ACCESS_10_11',
    benchmark: 7,
    text: 'Every pupil has had two encounters with technical-education providers between Year 10 and February of Year 11.',
    rule: every('PROVIDER_ACCESS_Y10_11', 1),
  },

  {
    key: 'B8_BY_16',
    benchmark: 8,
    text: 'At least 9 in 10 pupils have had a guidance meeting with a qualified adviser by the end of Year 11.',
    rule: every('B8_BY_16'),
  },
  { key: 'B8_BY_18', benchmark: 8, text: 'At least 9 in 10 sixth-formers have had another guidance meeting by the end of Year 13.', rule: every('B8_BY_18') },
  { key: 'B8_ACTIONS', benchmark: 8, text: 'What is agreed in each guidance meeting is written down and shared with the pupil.', rule: null },
];
