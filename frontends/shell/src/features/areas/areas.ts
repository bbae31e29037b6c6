/** The federation names of the remotes the shell knows how to show. */
export type RemoteName = 'pupil' | 'employer' | 'careers_leader';

export interface Area {
  remote: RemoteName;
  path: string;
  /** Link text in the main navigation and the start of the document title. */
  label: string;
}

const STAFF_ROLES = ['careers_leader', 'staff', 'careers_adviser'];

/**
 * The parts of Waymark a person may open, in navigation order. Someone with several roles (a member of
 * staff who is also a parent, say) gets one entry per remote.
 */
export function areasForRoles(roles: readonly string[]): Area[] {
  const has = (candidates: string[]) => candidates.some((role) => roles.includes(role));
  const areas: Area[] = [];
  if (has(['trust_analyst'])) {
    areas.push({ remote: 'careers_leader', path: '/trust', label: 'Trust overview' });
  } else if (has(STAFF_ROLES)) {
    areas.push({ remote: 'careers_leader', path: '/careers', label: 'Careers programme' });
  } else if (has(['data_protection_lead'])) {
    // The same remote, showing a data protection lead only the data access log and subject access requests.
    areas.push({ remote: 'careers_leader', path: '/careers', label: 'Data protection' });
  }
  // Parents read their child's record in the same remote as pupils read their own.
  if (has(['pupil', 'parent'])) areas.push({ remote: 'pupil', path: '/my-record', label: has(['pupil']) ? 'My record' : "My child's record" });
  if (has(['employer_volunteer', 'alumni'])) areas.push({ remote: 'employer', path: '/volunteering', label: 'My volunteering' });
  return areas;
}

/** The area a path belongs to (sub-paths included), or the person's first area. */
export function areaForPath(areas: readonly Area[], path: string): Area | undefined {
  return areas.find((area) => path === area.path || path.startsWith(`${area.path}/`)) ?? areas[0];
}
