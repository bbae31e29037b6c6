import { activityLabel, formatDay, type Activity, type EducationProviderKind } from '@waymark/domain';

/** The page a leaver opens: the token after `#`, so it never reaches a server's log or another site. */
export function selfReportLink(origin: string, token: string): string {
  return `${origin}/where-are-you-now#token=${token}`;
}

/** What a leaver reported, in one line for the leader: "Apprenticeship (level 3) at Acme, Technician, from 4 Sep 2025". */
export function reportSummary(report: {
  activity?: string | null;
  providerKind?: string | null;
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  course?: string | null;
  startsOn?: string | null;
}): string {
  if (!report.activity) return 'Nothing reported yet';
  const what = activityLabel({
    activity: report.activity as Activity,
    providerKind: (report.providerKind ?? null) as EducationProviderKind | null,
    apprenticeshipLevel: report.apprenticeshipLevel ?? null,
  });
  const place = [report.provider, report.course].filter(Boolean).join(', ');
  return `${what}${place ? `: ${place}` : ''}${report.startsOn ? `, since ${formatDay(report.startsOn)}` : ''}`;
}
