/** What the impact summary needs of each engagement. */
interface ImpactEngagement {
  school?: { name: string } | null;
  attendedCount: number;
  volunteerThanks?: readonly { message: string }[] | null;
}

export interface SchoolImpact {
  school: string;
  engagements: number;
  pupilsReached: number;
  thanks: number;
}

/**
 * A volunteer's engagements added up per school: how many, how many pupils attended (a pupil at two
 * engagements counts twice: these are attendances), and how many thanks the school sent. Most pupils
 * reached first, then by name.
 */
export function impactBySchool(engagements: readonly ImpactEngagement[]): SchoolImpact[] {
  const bySchool = new Map<string, SchoolImpact>();
  for (const engagement of engagements) {
    const school = engagement.school?.name ?? 'School not recorded';
    const row = bySchool.get(school) ?? { school, engagements: 0, pupilsReached: 0, thanks: 0 };
    row.engagements += 1;
    row.pupilsReached += engagement.attendedCount;
    row.thanks += engagement.volunteerThanks?.length ?? 0;
    bySchool.set(school, row);
  }
  return [...bySchool.values()].sort((a, b) => b.pupilsReached - a.pupilsReached || a.school.localeCompare(b.school, 'en-GB'));
}
