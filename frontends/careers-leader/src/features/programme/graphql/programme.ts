import {
  CopyProgrammePlanForwardDocument,
  CreatePlanItemDocument,
  DeletePlanItemDocument,
  LinkPlanEncounterDocument,
  PlanEncounterChoicesDocument,
  ProgrammePlanDocument,
  UnlinkPlanEncounterDocument,
  UpdatePlanItemDocument,
  type PlanItemFieldsFragment,
  type ProgrammePlanQuery,
} from '../../../gql/graphql';

// The documents are in programme.graphql; these are their typed texts (frontends/README.md).
export const PROGRAMME_PLAN_QUERY = ProgrammePlanDocument.toString();
export const PLAN_ENCOUNTER_CHOICES_QUERY = PlanEncounterChoicesDocument.toString();
export const CREATE_PLAN_ITEM_MUTATION = CreatePlanItemDocument.toString();
export const UPDATE_PLAN_ITEM_MUTATION = UpdatePlanItemDocument.toString();
export const DELETE_PLAN_ITEM_MUTATION = DeletePlanItemDocument.toString();
export const LINK_PLAN_ENCOUNTER_MUTATION = LinkPlanEncounterDocument.toString();
export const UNLINK_PLAN_ENCOUNTER_MUTATION = UnlinkPlanEncounterDocument.toString();
export const COPY_PROGRAMME_PLAN_FORWARD_MUTATION = CopyProgrammePlanForwardDocument.toString();

export type { CdiArea, HalfTerm, PlanItemInput, PlanItemStatus } from '../../../gql/graphql';
export type PlanItem = PlanItemFieldsFragment;
export type ProgrammePlan = NonNullable<ProgrammePlanQuery['programmePlan']>;
export type PlanHalfTerm = ProgrammePlan['halfTerms'][number];
