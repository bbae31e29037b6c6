import type { EncounterVolunteerFeedbackQuery } from '../../../gql/graphql';

export { EncounterVolunteerFeedbackDocument, ThankVolunteerDocument } from '../../../gql/graphql';

export type EncounterVolunteerFeedback = NonNullable<EncounterVolunteerFeedbackQuery['encounter']>;
