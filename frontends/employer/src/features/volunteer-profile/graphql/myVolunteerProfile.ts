import { MyVolunteerProfileDocument, type MyVolunteerProfileQuery } from '../../../gql/graphql';

export const MY_VOLUNTEER_PROFILE_QUERY = MyVolunteerProfileDocument.toString();

export type VolunteerProfile = NonNullable<MyVolunteerProfileQuery['myVolunteerProfile']>;
export type Engagement = NonNullable<VolunteerProfile['engagements']>[number];
