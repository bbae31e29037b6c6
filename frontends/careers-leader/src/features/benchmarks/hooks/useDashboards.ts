import { useQuery } from '@waymark/graphql-client';
import type { DashboardFilters } from '../../../shared/route';
import { SCHOOL_DASHBOARD_QUERY, TRUST_DASHBOARD_QUERY } from '../graphql/dashboard';

/** A school's benchmark figures: the caller's own school, or (for a trust analyst) the one chosen. */
export function useSchoolDashboard(schoolId: string | null, filters: DashboardFilters) {
  const query = useQuery(SCHOOL_DASHBOARD_QUERY, {
    schoolId,
    asOf: filters.asOf,
    group: filters.group,
    yearGroup: filters.yearGroup,
  });
  return { ...query, dashboard: query.data?.schoolDashboard ?? null };
}

/** The trust's figures, school by school. */
export function useTrustDashboard(filters: DashboardFilters) {
  const query = useQuery(TRUST_DASHBOARD_QUERY, { asOf: filters.asOf, group: filters.group, yearGroup: filters.yearGroup });
  return { ...query, dashboard: query.data?.trustDashboard ?? null };
}
