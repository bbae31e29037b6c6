import { BENCHMARK_PROGRESS_FIELDS, GUIDANCE_MEETING_FIELDS, type PupilGuidanceMeeting, type PupilProgress } from '../../my-progress/graphql/myProgress';
import { RECORD_EXTRA_FIELDS, RECORD_FIELDS, type PupilRecordView, type RecordExtras } from '../../my-record/graphql/myPupilRecord';

/** A parent's linked children whose school allows parent access, each with the record and progress their child sees. */
export const MY_CHILDREN_QUERY = /* GraphQL */ `
  query MyChildren {
    myChildren {
      ${RECORD_FIELDS}
      ${RECORD_EXTRA_FIELDS}
      benchmarkProgress {
        ${BENCHMARK_PROGRESS_FIELDS}
      }
      guidanceMeetings {
        ${GUIDANCE_MEETING_FIELDS}
      }
    }
  }
`;

export type ChildRecord = PupilRecordView &
  RecordExtras & {
    benchmarkProgress: PupilProgress | null;
    guidanceMeetings: PupilGuidanceMeeting[] | null;
  };

export interface MyChildrenData {
  myChildren: ChildRecord[] | null;
}
