import {
  DestinationAnalyticsDocument,
  DestinationsWorklistDocument,
  FindLeaversDocument,
  IntentionGapListsDocument,
  IntentionReturnAuthoritiesDocument,
  IntentionReturnDocument,
  LeaverDestinationsDocument,
  RecordActivitySpellDocument,
  SustainedSummaryDocument,
  type DestinationsWorklistQuery,
  type DestinationYearsFieldsFragment,
  type FindLeaversQuery,
  type IntentionReturnAuthoritiesQuery,
  type IntentionGapFieldsFragment,
  type LeaverDestinationsQuery,
  type SustainedSummaryQuery,
} from '../../../gql/graphql';

// The documents are in destinations.graphql; these are their typed texts (frontends/README.md).
export const INTENTION_GAP_LISTS_QUERY = IntentionGapListsDocument.toString();
export const DESTINATIONS_WORKLIST_QUERY = DestinationsWorklistDocument.toString();
export const FIND_LEAVERS_QUERY = FindLeaversDocument.toString();
export const LEAVER_DESTINATIONS_QUERY = LeaverDestinationsDocument.toString();
export const INTENTION_RETURN_QUERY = IntentionReturnDocument.toString();
export const INTENTION_RETURN_AUTHORITIES_QUERY = IntentionReturnAuthoritiesDocument.toString();
export const SUSTAINED_SUMMARY_QUERY = SustainedSummaryDocument.toString();
export const DESTINATION_ANALYTICS_QUERY = DestinationAnalyticsDocument.toString();
export const RECORD_ACTIVITY_SPELL_MUTATION = RecordActivitySpellDocument.toString();

export type { EducationProviderKind, RecordActivitySpellInput, SpellActivity, SpellSource } from '../../../gql/graphql';
export type IntentionGapList = IntentionGapFieldsFragment;
export type DestinationYearsView = DestinationYearsFieldsFragment;
export type LeaverView = NonNullable<LeaverDestinationsQuery['pupil']>;
export type LeaverSpell = NonNullable<LeaverView['activitySpells']>[number];
export type FoundLeaver = NonNullable<FindLeaversQuery['pupils']>['edges'][number]['node'];
export type FollowUpEntry = NonNullable<DestinationsWorklistQuery['destinationsWorklist']>[number];
export type ReturnAuthority = NonNullable<IntentionReturnAuthoritiesQuery['intentionReturnAuthorities']>['authorities'][number];
export type SustainedCount = NonNullable<SustainedSummaryQuery['sustainedSummary']>[number];
