import { AnswerParentSurveyDocument, ParentSurveysDocument } from '../../../gql/graphql';

// The documents are in parentSurveys.graphql; these are their typed texts (frontends/README.md).
export const PARENT_SURVEYS_QUERY = ParentSurveysDocument.toString();
export const ANSWER_PARENT_SURVEY_MUTATION = AnswerParentSurveyDocument.toString();
