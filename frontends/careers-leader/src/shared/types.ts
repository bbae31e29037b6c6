import type { EncounterSummaryFieldsFragment, MutationErrorFieldsFragment } from '../gql/graphql';

/** A row of the encounters list, and what `createEncounter` and `updateEncounter` hand back. */
export type EncounterSummary = EncounterSummaryFieldsFragment;

/** What a mutation's result carries when it did not do what was asked. */
export type MutationError = MutationErrorFieldsFragment;
