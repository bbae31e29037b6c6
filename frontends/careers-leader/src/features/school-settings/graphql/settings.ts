import { RollOverYearDocument, SchoolSettingsDocument, SetParentAccessDocument } from '../../../gql/graphql';

// The documents are in settings.graphql; these are their typed texts (frontends/README.md).
export const SCHOOL_SETTINGS_QUERY = SchoolSettingsDocument.toString();
export const SET_PARENT_ACCESS_MUTATION = SetParentAccessDocument.toString();
export const ROLL_OVER_YEAR_MUTATION = RollOverYearDocument.toString();
