import { MyDataDocument } from '../../../gql/graphql';

// The document is in myData.graphql; this is its typed text (frontends/README.md).
export const MY_DATA_QUERY = MyDataDocument.toString();
