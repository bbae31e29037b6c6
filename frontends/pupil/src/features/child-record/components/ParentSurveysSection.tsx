import { request, useQuery } from '@waymark/graphql-client';
import { Section, SurveyForm, type SurveyAnswer } from '@waymark/ui';
import { ANSWER_PARENT_SURVEY_MUTATION, PARENT_SURVEYS_QUERY } from '../graphql/parentSurveys';

/** The school's termly survey for parents and carers, when one is open: shown only then. */
export function ParentSurveysSection() {
  const query = useQuery(PARENT_SURVEYS_QUERY);
  const surveys = (query.data?.programmeSurveysToAnswer ?? []).filter((survey) => survey.audience === 'PARENTS');
  if (surveys.length === 0) return null;

  const answer = async (surveyId: string, values: SurveyAnswer): Promise<string | null> => {
    try {
      const result = (await request(ANSWER_PARENT_SURVEY_MUTATION, { input: { surveyId, ...values, comment: values.comment || null } })).answerProgrammeSurvey;
      return result.error ? result.error.message : null;
    } catch (error) {
      return error instanceof Error ? error.message : 'Your answer was not sent. Try again.';
    }
  };

  return (
    <Section
      title="Tell the school what you think"
      description="The school asks parents and carers each term how well its careers programme is working. It takes a minute, and every question but the last needs an answer."
    >
      {surveys.map((survey) => (
        <SurveyForm key={survey.id} survey={{ ...survey, askedBy: survey.school.name }} headingLevel={3} onAnswer={answer} />
      ))}
    </Section>
  );
}
