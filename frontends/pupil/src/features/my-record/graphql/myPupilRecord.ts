export const MY_PUPIL_RECORD_QUERY = /* GraphQL */ `
  query MyPupilRecord {
    myPupilRecord {
      displayName
      yearGroup
      tutorGroup
      school {
        name
      }
      participations {
        id
        attended
        encounter {
          id
          title
          kindLabel
          date
          benchmarks
        }
      }
      destinations {
        stage
        kindLabel
      }
      intendedDestination {
        kindLabel
      }
    }
  }
`;

export type DestinationStage = 'INTENDED' | 'IMMEDIATE' | 'YEAR_1' | 'YEAR_2' | 'YEAR_3';

export interface RecordEncounter {
  id: string;
  title: string;
  kindLabel: string;
  date: string;
  benchmarks: number[];
}

export interface RecordParticipation {
  id: string;
  attended: boolean;
  encounter: RecordEncounter | null;
}

export interface MyPupilRecord {
  displayName: string;
  yearGroup: number | null;
  tutorGroup: string | null;
  school: { name: string } | null;
  participations: RecordParticipation[];
  destinations: { stage: DestinationStage; kindLabel: string }[];
  intendedDestination: { kindLabel: string } | null;
}

export interface MyPupilRecordData {
  myPupilRecord: MyPupilRecord | null;
}
