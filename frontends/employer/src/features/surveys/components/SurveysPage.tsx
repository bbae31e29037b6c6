import { request, useQuery } from '@waymark/graphql-client';
import { ErrorPanel, Loading, PageHeader, SurveyForm, type SurveyAnswer } from '@waymark/ui';
import { ANSWER_VOLUNTEER_SURVEY_MUTATION, VOLUNTEER_SURVEYS_QUERY } from '../graphql/surveys';

/**
 * "Schools' surveys": each term, a school may ask the employers and volunteers who took part in its
 * careers activities how well they went. A volunteer sees the open surveys of schools where they have
 * delivered an activity, and answers each once.
 */
export function SurveysPage() {
  const query = useQuery(VOLUNTEER_SURVEYS_QUERY);
  const surveys = (query.data?.programmeSurveysToAnswer ?? []).filter((survey) => survey.audience === 'EMPLOYERS');

  const answer = async (surveyId: string, values: SurveyAnswer): Promise<string | null> => {
    try {
      const result = (await request(ANSWER_VOLUNTEER_SURVEY_MUTATION, { input: { surveyId, ...values, comment: values.comment || null } }))
        .answerProgrammeSurvey;
      return result.error ? result.error.message : null;
    } catch (error) {
      return error instanceof Error ? error.message : 'Your answer was not sent. Try again.';
    }
  };

  return (
    <>
      <PageHeader
        title="Schools' surveys"
        description="Schools you have worked with ask how their careers activities went for you. Your answers help them plan better activities with employers."
      />
      {query.loading && !query.data ? <Loading label="Loading surveys…" /> : null}
      {query.error && !query.data ? (
        <ErrorPanel title="The surveys could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {query.data && surveys.length === 0 ? (
        <p className="wm-muted">No school is asking for your views at the moment. Surveys show up here when a school you have worked with opens one.</p>
      ) : null}
      {surveys.map((survey) => (
        <section key={survey.id} className="wm-section" aria-label={`${survey.label}, ${survey.school.name}`}>
          <SurveyForm survey={{ ...survey, askedBy: survey.school.name }} headingLevel={2} onAnswer={answer} />
        </section>
      ))}
    </>
  );
}
