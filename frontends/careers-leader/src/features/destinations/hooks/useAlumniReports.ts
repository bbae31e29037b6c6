import { request, useQuery } from '@waymark/graphql-client';
import { useCallback, useState } from 'react';
import {
  AlumniReportCandidatesDocument,
  AlumniReportsDocument,
  KeepAlumniReportDocument,
  MatchAlumniReportDocument,
  RejectAlumniReportDocument,
  type AlumniReportCandidatesQuery,
  type AlumniReportsQuery,
} from '../../../gql/graphql';

export type AlumniReportView = NonNullable<AlumniReportsQuery['alumniReports']>[number];
export type Candidate = NonNullable<AlumniReportCandidatesQuery['alumniReportCandidates']>[number];

const REPORTS = AlumniReportsDocument.toString();
const CANDIDATES = AlumniReportCandidatesDocument.toString();
const MATCH = MatchAlumniReportDocument.toString();
const KEEP = KeepAlumniReportDocument.toString();
const REJECT = RejectAlumniReportDocument.toString();

const failed = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/**
 * Alumni's reports of where they are now, waiting for a decision, and what the leader does with them:
 * match one to a leaver, keep it as an alumni destination, or reject it.
 */
export function useAlumniReports() {
  const query = useQuery(REPORTS);
  const { refetch } = query;
  const [notice, setNotice] = useState<{ kind: 'done' | 'problem'; text: string } | null>(null);

  const candidates = useCallback(async (id: string): Promise<Candidate[] | null> => {
    try {
      return (await request(CANDIDATES, { id })).alumniReportCandidates ?? [];
    } catch (error) {
      setNotice({ kind: 'problem', text: failed(error, 'The leavers to match could not be loaded. Try again.') });
      return null;
    }
  }, []);

  const decide = useCallback(
    async (report: AlumniReportView, decision: { kind: 'match'; candidate: Candidate } | { kind: 'keep' } | { kind: 'reject' }): Promise<boolean> => {
      try {
        const answer =
          decision.kind === 'match'
            ? (await request(MATCH, { input: { id: report.id, pupilId: decision.candidate.pupil.id } })).matchAlumniReport
            : decision.kind === 'keep'
              ? (await request(KEEP, { id: report.id })).keepAlumniReport
              : (await request(REJECT, { id: report.id })).rejectAlumniReport;
        if (answer.error) {
          setNotice({ kind: 'problem', text: answer.error.message });
          return false;
        }
        setNotice({
          kind: 'done',
          text:
            decision.kind === 'match'
              ? `Matched: what ${report.name} said is now recorded for ${decision.candidate.pupil.displayName} as a self-reported spell.`
              : decision.kind === 'keep'
                ? `Kept: ${report.name}'s report is kept as an alumni destination. It counts in no leaver figure.`
                : `Rejected: nothing was recorded from ${report.name}'s report.`,
        });
        await refetch();
        return true;
      } catch (error) {
        setNotice({ kind: 'problem', text: failed(error, 'Nothing was changed. Try again.') });
        return false;
      }
    },
    [refetch],
  );

  return { ...query, reports: query.data?.alumniReports ?? null, notice, candidates, decide };
}
