// Deliberately asks for no pupil fields: volunteers see counts, never pupils.
export const MY_VOLUNTEER_PROFILE_QUERY = /* GraphQL */ `
  query MyVolunteerProfile {
    myVolunteerProfile {
      displayName
      jobTitle
      kind
      employer {
        name
        sector
      }
      alumniOf {
        name
      }
      engagements {
        id
        title
        kindLabel
        date
        school {
          name
        }
        attendedCount
        invitedCount
      }
    }
  }
`;

export type VolunteerKind = 'EMPLOYEE' | 'ALUMNI';

export interface Engagement {
  id: string;
  title: string;
  kindLabel: string;
  date: string;
  school: { name: string } | null;
  attendedCount: number;
  invitedCount: number;
}

export interface VolunteerProfile {
  displayName: string;
  jobTitle: string;
  kind: VolunteerKind;
  employer: { name: string; sector: string } | null;
  alumniOf: { name: string } | null;
  engagements: Engagement[];
}

export interface MyVolunteerProfileData {
  myVolunteerProfile: VolunteerProfile | null;
}
