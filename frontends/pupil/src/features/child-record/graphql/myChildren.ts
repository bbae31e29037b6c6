import { MyChildrenDocument, type MyChildrenQuery } from '../../../gql/graphql';

// The document is in myChildren.graphql; this is its typed text (frontends/README.md).
export const MY_CHILDREN_QUERY = MyChildrenDocument.toString();

export type ChildRecord = NonNullable<MyChildrenQuery['myChildren']>[number];
