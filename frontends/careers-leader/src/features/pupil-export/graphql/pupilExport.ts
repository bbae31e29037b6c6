import { PupilByUpnDocument } from '../../../gql/graphql';

// The document is in pupilExport.graphql; this is its typed text (frontends/README.md).
export const PUPIL_BY_UPN_QUERY = PupilByUpnDocument.toString();
