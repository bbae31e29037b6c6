import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { academicYearLabel, academicYearOf } from '@waymark/domain';
import { boundSql, pgArray } from '@waymark/subgraph-kit';
import { Participation, type Encounter } from '../encounter/encounter.entity.js';
import { School, stubOf } from '../external/external.entity.js';
import { EncounterRating, ProgrammeSurvey, ProgrammeSurveyAnswer } from './evaluation.entity.js';
import {
  changeUntil,
  COMMENT_MAX,
  PUPIL_RATINGS,
  ratingWindow,
  summarise,
  SURVEY_QUESTIONS,
  SURVEY_RATINGS,
  surveyLabel,
  type Audience,
} from './evaluation.rules.js';
import type { Answerer } from './evaluation.access.js';
import {
  EncounterRatingSummary,
  EncounterRatingView,
  EvaluationResults,
  ProgrammeSurvey as ProgrammeSurveyView,
  ProgrammeSurveyQuestion,
  ProgrammeSurveyQuestionResult,
  ProgrammeSurveyToAnswer,
} from './evaluation.types.js';

/*
 * Evaluating the careers programme (docs/domain-rules.md, "Evaluating the programme"). The resolvers
 * have decided who is asking and which school; these read and write for that pupil or school only.
 */

export function ratingView(encounter: Encounter, rating: EncounterRating | undefined, now: Date): EncounterRatingView {
  return Object.assign(new EncounterRatingView(), {
    encounter,
    rating: rating?.rating ?? null,
    learned: rating?.learned ?? null,
    canChange: ratingWindow(encounter.date, now) === 'OPEN',
    changeUntil: changeUntil(encounter.date),
  });
}

/**
 * The encounters a pupil attended that have started, in this academic year and the one before (or
 * under 30 days old), newest first, with their ratings. Booked guidance meetings not yet held are left out.
 */
export async function pupilRatings(em: EntityManager, pupilId: string, now: Date): Promise<EncounterRatingView[]> {
  const from = new Date(Date.UTC(academicYearOf(now) - 1, 7, 31));
  const attended = await em.find(
    Participation,
    { pupilId, attended: true, encounter: { date: { $lte: now, $gte: from }, booked: false } },
    { populate: ['encounter'], orderBy: { encounter: { date: 'desc', id: 'asc' } } },
  );
  const ratings = await em.find(EncounterRating, { pupilId, encounter: { $in: attended.map((p) => p.encounter.id) } });
  const byEncounter = new Map(ratings.map((r) => [r.encounter.id, r]));
  return attended.map((p) => ratingView(p.encounter, byEncounter.get(p.encounter.id), now));
}

/** The encounter a pupil attended with that id (null when they did not, or it is not theirs to see). */
export async function attendedEncounter(em: EntityManager, pupilId: string, encounterId: string): Promise<Encounter | null> {
  const row = await em.findOne(Participation, { pupilId, attended: true, encounter: { id: encounterId, booked: false } }, { populate: ['encounter'] });
  return row?.encounter ?? null;
}

/** Saves a pupil's rating: a second one for the same encounter changes the first (one row, also when two arrive at once). */
export async function saveRating(
  em: EntityManager,
  pupilId: string,
  encounter: Encounter,
  values: { rating: number; learned: string | null },
  now: Date,
): Promise<EncounterRating> {
  await boundSql(
    em,
    `insert into "encounter_rating" ("id", "encounter_id", "pupil_id", "school_id", "trust_id", "rating", "learned", "created_at", "updated_at")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict ("encounter_id", "pupil_id") do update set "rating" = excluded."rating", "learned" = excluded."learned", "updated_at" = excluded."updated_at"`,
    [randomUUID(), encounter.id, pupilId, encounter.schoolId, encounter.trustId, values.rating, values.learned, now],
  );
  return em.findOneOrFail(EncounterRating, { encounter: encounter.id, pupilId }, { refresh: true });
}

/** The academic year's bounds as days in England, for statements over encounter dates. */
const yearDays = (academicYear: number) => [`${academicYear}-09-01`, `${academicYear + 1}-08-31`];

/** Pupils' ratings of the school's encounters of an academic year, by encounter, newest encounter first. */
async function ratingSummaries(em: EntityManager, schoolId: string, academicYear: number): Promise<EncounterRatingSummary[]> {
  const [from, to] = yearDays(academicYear);
  const { rows } = await boundSql<{ id: string }>(
    em,
    `select r."id" from "encounter_rating" r join "encounter" e on e."id" = r."encounter_id"
      where r."school_id" = $1 and e."school_id" = $1
        and (e."date" at time zone 'Europe/London')::date between $2::date and $3::date`,
    [schoolId, from, to],
  );
  if (rows.length === 0) return [];
  const ratings = await em.find(
    EncounterRating,
    { id: { $in: rows.map((r) => r.id) } },
    { populate: ['encounter'], orderBy: { updatedAt: 'desc', id: 'asc' } },
  );
  const byEncounter = new Map<string, EncounterRating[]>();
  for (const rating of ratings) byEncounter.set(rating.encounter.id, [...(byEncounter.get(rating.encounter.id) ?? []), rating]);
  return [...byEncounter.values()]
    .map((list) =>
      Object.assign(new EncounterRatingSummary(), {
        encounter: list[0].encounter,
        ...summarise(
          list.map((r) => r.rating),
          PUPIL_RATINGS,
        ),
        learned: list.map((r) => r.learned).filter((text): text is string => text !== null),
      }),
    )
    .sort((a, b) => b.encounter.date.getTime() - a.encounter.date.getTime() || a.encounter.id.localeCompare(b.encounter.id));
}

const TERM_ORDER = { AUTUMN: 0, SPRING: 1, SUMMER: 2 } as const;
const AUDIENCE_ORDER = { PARENTS: 0, STAFF: 1, EMPLOYERS: 2 } as const;

/** A survey with its results; the comments are the school staff's to read (the resolvers give this view to no one else). */
export function surveyView(survey: ProgrammeSurvey, answers: readonly ProgrammeSurveyAnswer[]): ProgrammeSurveyView {
  const wording = SURVEY_QUESTIONS[survey.audience];
  const question = (key: 'helps' | 'informed') =>
    Object.assign(new ProgrammeSurveyQuestionResult(), {
      key,
      text: wording[key],
      ...summarise(
        answers.map((a) => a[key]),
        SURVEY_RATINGS,
      ),
    });
  return Object.assign(new ProgrammeSurveyView(), {
    id: survey.id,
    audience: survey.audience,
    academicYear: survey.academicYear,
    term: survey.term,
    label: surveyLabel(survey.audience, survey.term, survey.academicYear),
    anonymous: survey.anonymous,
    open: survey.closedAt === null,
    openedAt: survey.openedAt,
    openedByName: survey.openedByName,
    closedAt: survey.closedAt,
    answers: answers.length,
    results: [question('helps'), question('informed')],
    commentQuestion: wording.comment,
    // Sorted, so the order the answers arrived in says nothing about who wrote which.
    comments: answers
      .map((a) => a.comment)
      .filter((text): text is string => text !== null)
      .sort((a, b) => a.localeCompare(b)),
  });
}

export async function surveyWithAnswers(em: EntityManager, survey: ProgrammeSurvey): Promise<ProgrammeSurveyView> {
  return surveyView(survey, await em.find(ProgrammeSurveyAnswer, { survey: survey.id }));
}

/** A school's results for an academic year: the pupils' ratings by encounter and the year's surveys. */
export async function evaluationResults(em: EntityManager, schoolId: string, academicYear: number, canManage: boolean): Promise<EvaluationResults> {
  const surveys = await em.find(ProgrammeSurvey, { schoolId, academicYear });
  surveys.sort((a, b) => TERM_ORDER[a.term] - TERM_ORDER[b.term] || AUDIENCE_ORDER[a.audience] - AUDIENCE_ORDER[b.audience]);
  const answers = surveys.length === 0 ? [] : await em.find(ProgrammeSurveyAnswer, { survey: { $in: surveys.map((s) => s.id) } });
  return Object.assign(new EvaluationResults(), {
    school: stubOf(School, schoolId),
    academicYear,
    label: academicYearLabel(academicYear),
    ratingOptions: PUPIL_RATINGS,
    encounters: await ratingSummaries(em, schoolId, academicYear),
    surveys: surveys.map((survey) =>
      surveyView(
        survey,
        answers.filter((a) => a.survey.id === survey.id),
      ),
    ),
    canManage,
  });
}

function questionsOf(audience: Audience): ProgrammeSurveyQuestion[] {
  return (['helps', 'informed'] as const).map((key) =>
    Object.assign(new ProgrammeSurveyQuestion(), { key, text: SURVEY_QUESTIONS[audience][key], options: SURVEY_RATINGS }),
  );
}

/** The open surveys a caller is asked to answer, with whether they have. */
export async function surveysToAnswer(em: EntityManager, accountId: string, answerers: readonly Answerer[]): Promise<ProgrammeSurveyToAnswer[]> {
  if (answerers.length === 0) return [];
  const surveys = await em.find(
    ProgrammeSurvey,
    { closedAt: null, $or: answerers.map((a) => ({ audience: a.audience, schoolId: { $in: a.schoolIds } })) },
    { orderBy: { openedAt: 'desc', id: 'asc' } },
  );
  if (surveys.length === 0) return [];
  // The caller's own rows only: the table is keyed by account.
  const { rows } = await boundSql<{ survey_id: string }>(
    em,
    `select "survey_id" from "programme_survey_respondent" where "account_id" = $1 and "survey_id" = any($2::uuid[])`,
    [accountId, pgArray(surveys.map((s) => s.id))],
  );
  const answered = new Set(rows.map((r) => r.survey_id));
  return surveys.map((survey) =>
    Object.assign(new ProgrammeSurveyToAnswer(), {
      id: survey.id,
      school: stubOf(School, survey.schoolId),
      audience: survey.audience,
      academicYear: survey.academicYear,
      term: survey.term,
      label: surveyLabel(survey.audience, survey.term, survey.academicYear),
      anonymous: survey.anonymous,
      questions: questionsOf(survey.audience),
      commentQuestion: SURVEY_QUESTIONS[survey.audience].comment,
      commentMaxLength: COMMENT_MAX,
      answered: answered.has(survey.id),
    }),
  );
}

/** The survey, locked against closing until this answer is in (null when there is none the caller can see). */
export async function lockedSurvey(em: EntityManager, id: string): Promise<ProgrammeSurvey | null> {
  const { rows } = await boundSql<{ id: string }>(em, `select "id" from "programme_survey" where "id" = $1 for share`, [id]);
  if (rows.length === 0) return null;
  return em.findOne(ProgrammeSurvey, { id }, { refresh: true });
}

/**
 * Saves one answer: first the "has answered" row, whose key lets one in per account (a second, also
 * one sent at the same moment, finds it there and saves nothing); then the answer, with the account
 * id only when the survey is not anonymous. False when the caller had answered already.
 */
export async function saveAnswer(
  em: EntityManager,
  survey: ProgrammeSurvey,
  accountId: string,
  values: { helps: number; informed: number; comment: string | null },
): Promise<boolean> {
  const first = await boundSql(em, `insert into "programme_survey_respondent" ("survey_id", "account_id") values ($1, $2) on conflict do nothing`, [
    survey.id,
    accountId,
  ]);
  if (first.affected === 0) return false;
  // No RETURNING: the caller may add an answer but not read answers back.
  await boundSql(
    em,
    `insert into "programme_survey_answer" ("id", "survey_id", "school_id", "trust_id", "account_id", "helps", "informed", "comment")
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), survey.id, survey.schoolId, survey.trustId, survey.anonymous ? null : accountId, values.helps, values.informed, values.comment],
  );
  return true;
}

/**
 * Opens a survey; null when the school has one for that audience and term already. The unique key
 * decides (`on conflict do nothing`), so two leaders opening the same survey at once get one survey
 * and one SURVEY_EXISTS, and the request's transaction is never left failed.
 */
export async function openSurvey(
  em: EntityManager,
  values: Pick<ProgrammeSurvey, 'schoolId' | 'trustId' | 'audience' | 'academicYear' | 'term' | 'anonymous' | 'openedByName'>,
): Promise<ProgrammeSurvey | null> {
  const id = randomUUID();
  const inserted = await boundSql(
    em,
    `insert into "programme_survey" ("id", "school_id", "trust_id", "audience", "academic_year", "term", "anonymous", "opened_at", "opened_by_name", "closed_at")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, null)
     on conflict ("school_id", "audience", "academic_year", "term") do nothing`,
    [id, values.schoolId, values.trustId, values.audience, values.academicYear, values.term, values.anonymous, new Date(), values.openedByName],
  );
  return inserted.affected === 0 ? null : em.findOneOrFail(ProgrammeSurvey, { id });
}
