import {
  boundSql,
  permitSchools,
  readSubjectAccess,
  withRequestBypass,
  type RequestContext,
  type SubjectAccessPart,
  type SubjectAccessSection,
} from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';

/*
 * A person's own survey answers in "Download my data" (docs/domain-rules.md, "Evaluating the
 * programme"): which surveys they answered, and what they said in those that were not anonymous. An
 * anonymous answer carries no account id, so nothing can find it, and it is nobody's to download.
 */

const SECTIONS = [
  {
    title: "Schools' careers surveys you answered",
    sql: `select s.academic_year, s.term, s.audience, s.anonymous, s.school_id
      from programme_survey_respondent r join programme_survey s on s.id = r.survey_id
      where r.account_id = $1 order by s.academic_year, s.term, s.audience`,
  },
  {
    title: 'Your answers to surveys that were not anonymous (1 not well to 4 very well)',
    sql: `select s.academic_year, s.term, s.audience, a.helps, a.informed, a.comment, a.school_id
      from programme_survey_answer a join programme_survey s on s.id = a.survey_id
      where a.account_id = $1 order by s.academic_year, s.term, s.audience`,
  },
];

/**
 * The caller's own rows, or null when they answered no survey. Answers are the school staff's to read
 * under row-level security, so this reads them under a named bypass keyed by the caller's own account.
 */
export async function ownSurveyAnswers(ctx: EncountersContext): Promise<SubjectAccessPart | null> {
  return withRequestBypass(ctx, "Download my data: the caller's own survey answers, by their own account id", async (em) => {
    const { rows } = await boundSql(em, 'select 1 from "programme_survey_respondent" where "account_id" = $1 limit 1', [ctx.principal.accountId]);
    return rows.length === 0 ? null : readSubjectAccess(em, 'encounters', SECTIONS, ctx.principal.accountId);
  });
}

/**
 * The same for a school's export of a parent, carer or volunteer (`personSubjectAccess`), at that
 * school only: the surveys they answered there and their words in those that were not anonymous.
 * The caller (the school's careers leader or data protection lead) has been checked; a lead holds no
 * staff scope, so the school's rows are opened to the request first.
 */
export async function surveyAnswersAt(ctx: RequestContext, accountId: string, schoolId: string): Promise<SubjectAccessSection[]> {
  await permitSchools(ctx, [schoolId]);
  const read = async (sql: string) => (await boundSql(ctx.em, sql, [accountId, schoolId])).rows;
  const sections = [
    {
      title: "The school's careers surveys they answered",
      rows: await read(`select s.academic_year, s.term, s.audience, s.anonymous
        from programme_survey_respondent r join programme_survey s on s.id = r.survey_id
        where r.account_id = $1 and s.school_id = $2 order by s.academic_year, s.term, s.audience`),
    },
    {
      title: 'Their answers to surveys that were not anonymous (1 not well to 4 very well)',
      rows: await read(`select s.academic_year, s.term, s.audience, a.helps, a.informed, a.comment
        from programme_survey_answer a join programme_survey s on s.id = a.survey_id
        where a.account_id = $1 and a.school_id = $2 order by s.academic_year, s.term, s.audience`),
    },
  ];
  return sections[0].rows.length === 0 ? [] : sections;
}
