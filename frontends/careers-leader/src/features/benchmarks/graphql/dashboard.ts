import type { BenchmarkMeasure, BenchmarkState } from '../../../shared/benchmarks';
import type { PageInfo } from '../../../shared/types';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';

const CELL_FIELDS = /* GraphQL */ `
  measure
  yearGroup
  group
  eligible
  met
  inProgress
  notMet
`;

export const SCHOOL_DASHBOARD_QUERY = /* GraphQL */ `
  query SchoolDashboard($schoolId: ID, $asOf: String, $group: VulnerableGroup, $yearGroup: Int) {
    schoolDashboard(schoolId: $schoolId, asOf: $asOf, group: $group, yearGroup: $yearGroup) {
      school {
        id
        name
      }
      asOf
      academicYear
      pupilCount
      cells {
        ${CELL_FIELDS}
      }
      groupCells {
        ${CELL_FIELDS}
      }
      workExperience {
        yearGroup
        pupils
        averageHours
        reachedTarget
      }
      groupFiguresRounded
      canListPupils
    }
  }
`;

export const TRUST_DASHBOARD_QUERY = /* GraphQL */ `
  query TrustDashboard($asOf: String, $group: VulnerableGroup, $yearGroup: Int) {
    trustDashboard(asOf: $asOf, group: $group, yearGroup: $yearGroup) {
      asOf
      academicYear
      pupilCount
      schools {
        school {
          id
          name
        }
        pupilCount
        cells {
          ${CELL_FIELDS}
        }
      }
      totals {
        ${CELL_FIELDS}
      }
      groupFiguresRounded
    }
  }
`;

export const BENCHMARK_GAPS_QUERY = /* GraphQL */ `
  query BenchmarkGaps($measure: BenchmarkMeasure!, $schoolId: ID, $asOf: String, $yearGroup: Int, $group: VulnerableGroup, $first: Int, $after: String) {
    benchmarkGaps(measure: $measure, schoolId: $schoolId, asOf: $asOf, yearGroup: $yearGroup, group: $group, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          yearGroup
          state
          detail
          pupil {
            id
            displayName
            upn
            tutorGroup
          }
        }
      }
    }
  }
`;

export interface DashboardCell {
  measure: BenchmarkMeasure;
  /** null: every year group. */
  yearGroup: number | null;
  /** null: every pupil. */
  group: VulnerableGroup | null;
  eligible: number;
  met: number;
  inProgress: number;
  notMet: number;
}

export interface WorkExperienceByYear {
  yearGroup: number;
  pupils: number;
  averageHours: number;
  reachedTarget: number;
}

export interface SchoolDashboard {
  school: { id: string; name: string } | null;
  asOf: string;
  academicYear: number;
  pupilCount: number;
  cells: DashboardCell[];
  groupCells: DashboardCell[];
  workExperience: WorkExperienceByYear[];
  /** Vulnerable-group figures rounded to the nearest 5 (the viewer may not see pupils' flags). */
  groupFiguresRounded: boolean;
  /** Whether the viewer may list this school's pupils (the gap lists behind the figures). */
  canListPupils: boolean;
}

export interface SchoolDashboardVariables {
  [name: string]: unknown;
  schoolId: string | null;
  asOf: string | null;
  group: VulnerableGroup | null;
  yearGroup: number | null;
}

export interface SchoolDashboardData {
  schoolDashboard: SchoolDashboard | null;
}

export interface TrustSchoolRow {
  school: { id: string; name: string } | null;
  pupilCount: number;
  cells: DashboardCell[];
}

export interface TrustDashboard {
  asOf: string;
  academicYear: number;
  pupilCount: number;
  schools: TrustSchoolRow[];
  totals: DashboardCell[];
  /** The figures, all about one vulnerable group, rounded to the nearest 5 (the viewer may not see pupils' flags). */
  groupFiguresRounded: boolean;
}

export interface TrustDashboardData {
  trustDashboard: TrustDashboard | null;
}

export interface GapRow {
  pupil: { id: string; displayName: string; upn: string | null; tutorGroup: string | null } | null;
  yearGroup: number;
  state: BenchmarkState;
  detail: string;
}

export interface GapConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: GapRow }[];
}

export interface BenchmarkGapsData {
  benchmarkGaps: GapConnection | null;
}
