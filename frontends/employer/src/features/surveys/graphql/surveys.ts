import { AnswerVolunteerSurveyDocument, VolunteerSurveysDocument } from '../../../gql/graphql';

// The documents are in surveys.graphql; these are their typed texts (frontends/README.md).
export const VOLUNTEER_SURVEYS_QUERY = VolunteerSurveysDocument.toString();
export const ANSWER_VOLUNTEER_SURVEY_MUTATION = AnswerVolunteerSurveyDocument.toString();
