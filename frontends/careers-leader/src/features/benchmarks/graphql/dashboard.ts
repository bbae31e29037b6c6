import {
  BenchmarkGapsDocument,
  SchoolDashboardDocument,
  TrustDashboardDocument,
  type BenchmarkGapsQuery,
  type DashboardCellFieldsFragment,
  type SchoolDashboardQuery,
  type SchoolDashboardQueryVariables,
  type TrustDashboardQuery,
} from '../../../gql/graphql';

// The documents are in dashboard.graphql; these are their typed texts (frontends/README.md).
export const SCHOOL_DASHBOARD_QUERY = SchoolDashboardDocument.toString();
export const TRUST_DASHBOARD_QUERY = TrustDashboardDocument.toString();
export const BENCHMARK_GAPS_QUERY = BenchmarkGapsDocument.toString();

/** One figure: `yearGroup` null is every year group, `group` null every pupil. */
export type DashboardCell = DashboardCellFieldsFragment;
export type SchoolDashboard = NonNullable<SchoolDashboardQuery['schoolDashboard']>;
export type WorkExperienceByYear = SchoolDashboard['workExperience'][number];
export type SchoolDashboardVariables = SchoolDashboardQueryVariables;
export type TrustDashboard = NonNullable<TrustDashboardQuery['trustDashboard']>;
export type TrustSchoolRow = TrustDashboard['schools'][number];
export type GapConnection = NonNullable<BenchmarkGapsQuery['benchmarkGaps']>;
export type GapRow = GapConnection['edges'][number]['node'];
