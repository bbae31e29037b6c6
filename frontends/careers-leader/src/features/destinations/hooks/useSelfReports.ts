import { request, useQuery } from '@waymark/graphql-client';
import { useCallback, useState } from 'react';
import {
  ConfirmSelfReportDocument,
  CreateSelfReportLinkDocument,
  CreateSelfReportLinksForWorklistDocument,
  RejectSelfReportDocument,
  SelfReportsDocument,
  type SelfReportLinkFieldsFragment,
  type SelfReportsQuery,
} from '../../../gql/graphql';

export type MadeLink = SelfReportLinkFieldsFragment;
export type SelfReportView = NonNullable<SelfReportsQuery['selfReports']>[number];

const SELF_REPORTS_QUERY = SelfReportsDocument.toString();
const CREATE_LINK = CreateSelfReportLinkDocument.toString();
const CREATE_LINKS = CreateSelfReportLinksForWorklistDocument.toString();
const CONFIRM = ConfirmSelfReportDocument.toString();
const REJECT = RejectSelfReportDocument.toString();

const failed = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/**
 * Leavers' self-reports: the reports waiting for a decision and the links not used yet, the links made
 * on this page (their tokens are shown only now, never again), and what the leader does with them.
 */
export function useSelfReports() {
  const query = useQuery(SELF_REPORTS_QUERY);
  const { refetch } = query;
  const [made, setMade] = useState<MadeLink[]>([]);
  const [notice, setNotice] = useState<{ kind: 'done' | 'problem'; text: string } | null>(null);

  const remember = useCallback((links: MadeLink[]) => {
    setMade((before) => [...links, ...before.filter((link) => !links.some((made) => made.pupil.id === link.pupil.id))]);
  }, []);

  const makeLink = useCallback(
    async (pupilId: string) => {
      try {
        const { createSelfReportLink } = await request(CREATE_LINK, { pupilId });
        if (createSelfReportLink.error || !createSelfReportLink.link) {
          setNotice({ kind: 'problem', text: createSelfReportLink.error?.message ?? 'No link was made.' });
          return;
        }
        remember([createSelfReportLink.link]);
        setNotice({ kind: 'done', text: `Link made for ${createSelfReportLink.link.pupil.displayName}. Copy it from “Links to send” below.` });
        await refetch();
      } catch (error) {
        setNotice({ kind: 'problem', text: failed(error, 'No link was made. Try again.') });
      }
    },
    [refetch, remember],
  );

  const makeLinksForWorklist = useCallback(async () => {
    try {
      const { createSelfReportLinksForWorklist } = await request(CREATE_LINKS);
      remember(createSelfReportLinksForWorklist.links);
      const count = createSelfReportLinksForWorklist.links.length;
      const skipped = createSelfReportLinksForWorklist.withoutConsent;
      setNotice({
        kind: 'done',
        text: `${count === 1 ? '1 link' : `${count} links`} made.${skipped > 0 ? ` ${skipped === 1 ? '1 leaver has' : `${skipped} leavers have`} not agreed to being followed, so got no link.` : ''}`,
      });
      await refetch();
    } catch (error) {
      setNotice({ kind: 'problem', text: failed(error, 'No links were made. Try again.') });
    }
  }, [refetch, remember]);

  const decide = useCallback(
    async (report: SelfReportView, confirm: boolean) => {
      try {
        const answer = confirm ? (await request(CONFIRM, { id: report.id })).confirmSelfReport : (await request(REJECT, { id: report.id })).rejectSelfReport;
        if (answer.error) {
          setNotice({ kind: 'problem', text: answer.error.message });
          return;
        }
        setNotice({
          kind: 'done',
          text: confirm
            ? `Confirmed: what ${report.pupil.displayName} said is now recorded as a self-reported spell.`
            : `Rejected: nothing was recorded from ${report.pupil.displayName}'s report.`,
        });
        await refetch();
      } catch (error) {
        setNotice({ kind: 'problem', text: failed(error, 'Nothing was changed. Try again.') });
      }
    },
    [refetch],
  );

  return { ...query, reports: query.data?.selfReports ?? null, made, notice, makeLink, makeLinksForWorklist, decide };
}
