import { RECORD_EXTRA_FIELDS, RECORD_FIELDS, type PupilRecordView, type RecordExtras } from '../../my-record/graphql/myPupilRecord';

/** A parent's linked children whose school allows parent access, each with the record their child sees. */
export const MY_CHILDREN_QUERY = /* GraphQL */ `
  query MyChildren {
    myChildren {
      ${RECORD_FIELDS}
      ${RECORD_EXTRA_FIELDS}
    }
  }
`;

export type ChildRecord = PupilRecordView & RecordExtras;

export interface MyChildrenData {
  myChildren: ChildRecord[];
}
