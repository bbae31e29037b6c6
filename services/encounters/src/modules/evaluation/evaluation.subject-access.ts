import { boundSql, readSubjectAccess, withRequestBypass, type SubjectAccessPart } from '@waymark/subgraph-kit';
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
