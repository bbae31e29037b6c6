import {
  AnswerStaffSurveyDocument,
  CloseProgrammeSurveyDocument,
  EvaluationResultsDocument,
  OpenProgrammeSurveyDocument,
  StaffSurveysDocument,
  type EvaluationResultsQuery,
  type ProgrammeSurveyFieldsFragment,
} from '../../../gql/graphql';

// The documents are in evaluation.graphql; these are their typed texts (frontends/README.md).
export const EVALUATION_RESULTS_QUERY = EvaluationResultsDocument.toString();
export const STAFF_SURVEYS_QUERY = StaffSurveysDocument.toString();
export const OPEN_PROGRAMME_SURVEY_MUTATION = OpenProgrammeSurveyDocument.toString();
export const CLOSE_PROGRAMME_SURVEY_MUTATION = CloseProgrammeSurveyDocument.toString();
export const ANSWER_STAFF_SURVEY_MUTATION = AnswerStaffSurveyDocument.toString();

export type { ProgrammeSurveyAudience, ProgrammeSurveyTerm } from '../../../gql/graphql';
export type SurveyResults = ProgrammeSurveyFieldsFragment;
export type EncounterRatings = NonNullable<EvaluationResultsQuery['evaluationResults']>['encounters'][number];
