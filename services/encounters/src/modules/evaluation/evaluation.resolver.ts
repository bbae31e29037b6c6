import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { academicYearOf, problemList } from '@waymark/domain';
import { AccessError, InputError, isUuid, mutationError } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { ProgrammeSurvey } from './evaluation.entity.js';
import { answererOf, managedSchool, mayAnswer, ratingPupil, resultsSchool } from './evaluation.access.js';
import { checkRating, checkSurveyAnswer, LEARNED_MAX, PUPIL_RATINGS, ratingWindow, trimmedOrNull, AUDIENCES, TERMS } from './evaluation.rules.js';
import {
  attendedEncounter,
  evaluationResults,
  lockedSurvey,
  openSurvey,
  pupilRatings,
  ratingView,
  saveAnswer,
  saveRating,
  surveysToAnswer,
  surveyWithAnswers,
} from './evaluation.service.js';
import {
  AnswerProgrammeSurveyInput,
  AnswerProgrammeSurveyResult,
  EvaluationResults,
  MyEncounterRatings,
  OpenProgrammeSurveyInput,
  ProgrammeSurveyResult,
  ProgrammeSurveyToAnswer,
  RateEncounterInput,
  RateEncounterResult,
} from './evaluation.types.js';

/*
 * Evaluating the careers programme with feedback (docs/api-contract.md, "Evaluating the programme";
 * docs/security.md, "Feedback on the careers programme"). Pupils rate the encounters they attended;
 * careers leaders open and close termly surveys that parents, staff and employers answer; the
 * school's own staff read the results.
 */

const NOT_RATEABLE = () =>
  mutationError('ENCOUNTER_NOT_RATEABLE', 'You can only rate an activity you went to.', [{ field: 'encounterId', message: 'Choose an activity you went to' }]);
const NO_SURVEY = () => mutationError('SURVEY_NOT_FOUND', 'There is no such survey for you to answer.', [{ field: 'surveyId', message: 'Choose a survey' }]);
const NOT_LEADER = () => mutationError('NOT_YOUR_SCHOOL', "Only a school's own careers leaders can open and close its surveys.");

@Resolver()
export class EvaluationResolver {
  @Authorized('pupil')
  @Query(() => MyEncounterRatings, {
    nullable: true,
    description: 'A pupil: the activities they went to (this school year and last), with their ratings, and the rating scale.',
  })
  async myEncounterRatings(@Ctx() ctx: EncountersContext): Promise<MyEncounterRatings> {
    const pupilId = ratingPupil(ctx.principal);
    if (!pupilId) throw AccessError.forbidden('Only a pupil can rate their own activities.');
    return Object.assign(new MyEncounterRatings(), {
      options: PUPIL_RATINGS,
      learnedMaxLength: LEARNED_MAX,
      encounters: await pupilRatings(ctx.em, pupilId, new Date()),
    });
  }

  @Authorized('pupil')
  @Mutation(() => RateEncounterResult, {
    description:
      'A pupil rates an activity they went to (1 to 4) and may say what they learned. One rating each: rating it again changes it, until the activity is 30 days old.',
  })
  async rateEncounter(@Arg('input', () => RateEncounterInput) input: RateEncounterInput, @Ctx() ctx: EncountersContext): Promise<RateEncounterResult> {
    const pupilId = ratingPupil(ctx.principal);
    if (!pupilId) return { rated: null, error: mutationError('NOT_A_PUPIL', 'Only a pupil can rate their own activities.') };
    const problems = checkRating(input);
    if (Object.keys(problems).length > 0)
      return { rated: null, error: mutationError('RATING_INVALID', 'Some of your answer needs changing.', problemList(problems)) };
    const encounter = isUuid(input.encounterId) ? await attendedEncounter(ctx.em, pupilId, input.encounterId.toLowerCase()) : null;
    if (!encounter) return { rated: null, error: NOT_RATEABLE() };
    const now = new Date();
    const window = ratingWindow(encounter.date, now);
    if (window === 'NOT_YET') return { rated: null, error: mutationError('RATING_TOO_EARLY', 'You can rate this activity once it has happened.') };
    if (window === 'CLOSED')
      return { rated: null, error: mutationError('RATING_CLOSED', 'This activity was more than 30 days ago, so your rating can no longer be changed.') };
    const saved = await saveRating(ctx.em, pupilId, encounter, { rating: input.rating, learned: trimmedOrNull(input.learned) }, now);
    return { rated: ratingView(encounter, saved, now), error: null };
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Query(() => EvaluationResults, {
    nullable: true,
    description:
      "The school's own staff: pupils' ratings of the school's encounters of an academic year (the current one by default), with what they learned, and that year's surveys with their results.",
  })
  async evaluationResults(
    @Arg('academicYear', () => Int, { nullable: true }) academicYear: number | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<EvaluationResults> {
    const schoolId = resultsSchool(ctx.principal);
    if (!schoolId) throw AccessError.forbidden("Only a school's own staff can read its feedback.");
    const year = academicYear ?? academicYearOf(new Date());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw InputError.invalid('Choose an academic year from 2000 to 2100.');
    return evaluationResults(ctx.em, schoolId, year, managedSchool(ctx.principal) !== null);
  }

  @Authorized('careers_leader')
  @Mutation(() => ProgrammeSurveyResult, {
    description: "A careers leader opens a survey of their own school's careers programme for one audience and term. One per audience and term.",
  })
  async openProgrammeSurvey(
    @Arg('input', () => OpenProgrammeSurveyInput) input: OpenProgrammeSurveyInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<ProgrammeSurveyResult> {
    const schoolId = managedSchool(ctx.principal);
    if (!schoolId) return { survey: null, error: NOT_LEADER() };
    const fields = [
      ...(AUDIENCES.includes(input.audience) ? [] : [{ field: 'audience', message: 'Choose who the survey is for' }]),
      ...(TERMS.includes(input.term) ? [] : [{ field: 'term', message: 'Choose a term' }]),
      ...(Number.isInteger(input.academicYear) && input.academicYear >= 2000 && input.academicYear <= 2100
        ? []
        : [{ field: 'academicYear', message: 'Choose an academic year from 2000 to 2100' }]),
    ];
    if (fields.length > 0) return { survey: null, error: mutationError('SURVEY_INVALID', 'Some details of the survey need changing.', fields) };
    const exists = () =>
      mutationError('SURVEY_EXISTS', 'There is already a survey for this audience and term.', [{ field: 'term', message: 'Choose another term' }]);
    const survey = await openSurvey(ctx.em, {
      schoolId,
      trustId: ctx.principal.trustId ?? null,
      audience: input.audience,
      academicYear: input.academicYear,
      term: input.term,
      anonymous: input.anonymous,
      openedByName: ctx.principal.displayName,
    });
    if (!survey) return { survey: null, error: exists() };
    return { survey: await surveyWithAnswers(ctx.em, survey), error: null };
  }

  @Authorized('careers_leader')
  @Mutation(() => ProgrammeSurveyResult, { description: "A careers leader closes one of their own school's surveys: no more answers are taken." })
  async closeProgrammeSurvey(@Arg('id', () => ID) id: string, @Ctx() ctx: EncountersContext): Promise<ProgrammeSurveyResult> {
    const schoolId = managedSchool(ctx.principal);
    if (!schoolId) return { survey: null, error: NOT_LEADER() };
    const survey = isUuid(id) ? await ctx.em.findOne(ProgrammeSurvey, { id: id.toLowerCase(), schoolId }) : null;
    if (!survey) return { survey: null, error: mutationError('SURVEY_NOT_FOUND', 'There is no such survey at your school.') };
    if (survey.closedAt === null) {
      survey.closedAt = new Date();
      await ctx.em.flush();
    }
    return { survey: await surveyWithAnswers(ctx.em, survey), error: null };
  }

  @Authorized('parent', 'careers_leader', 'staff', 'careers_adviser', 'employer_volunteer', 'alumni')
  @Query(() => [ProgrammeSurveyToAnswer], {
    nullable: true,
    description:
      "The open surveys the caller is asked to answer: staff their own school's staff survey, parents and carers the parents' survey of their child's school, volunteers the employers' survey of each school where they have delivered an encounter.",
  })
  async programmeSurveysToAnswer(@Ctx() ctx: EncountersContext): Promise<ProgrammeSurveyToAnswer[]> {
    const answerers = await answererOf(ctx.principal, ctx.em, new Date());
    return surveysToAnswer(ctx.em, ctx.principal.accountId, answerers);
  }

  @Authorized('parent', 'careers_leader', 'staff', 'careers_adviser', 'employer_volunteer', 'alumni')
  @Mutation(() => AnswerProgrammeSurveyResult, {
    description: 'Answers an open survey the caller is asked to answer. One answer each, never changed; a closed survey takes none (SURVEY_CLOSED).',
  })
  async answerProgrammeSurvey(
    @Arg('input', () => AnswerProgrammeSurveyInput) input: AnswerProgrammeSurveyInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<AnswerProgrammeSurveyResult> {
    const problems = checkSurveyAnswer(input);
    if (Object.keys(problems).length > 0)
      return { answered: false, error: mutationError('SURVEY_ANSWER_INVALID', 'Some of your answer needs changing.', problemList(problems)) };
    const answerers = await answererOf(ctx.principal, ctx.em, new Date());
    const survey = isUuid(input.surveyId) && answerers.length > 0 ? await lockedSurvey(ctx.em, input.surveyId.toLowerCase()) : null;
    // Another school's survey, or one for another audience, reads as no survey at all.
    if (!survey || !mayAnswer(answerers, survey)) return { answered: false, error: NO_SURVEY() };
    if (survey.closedAt !== null) return { answered: false, error: mutationError('SURVEY_CLOSED', 'This survey has closed, so it takes no more answers.') };
    const saved = await saveAnswer(ctx.em, survey, ctx.principal.accountId, {
      helps: input.helps,
      informed: input.informed,
      comment: trimmedOrNull(input.comment),
    });
    if (!saved) return { answered: false, error: mutationError('SURVEY_ALREADY_ANSWERED', 'You have already answered this survey. Thank you.') };
    return { answered: true, error: null };
  }
}
