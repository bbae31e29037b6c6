import { DownloadSection } from '@waymark/ui';

/**
 * "Governors' report": one button that reads the school's careers figures and saves them as a PDF for
 * the governing board (scores and their trend, coverage, the plan, feedback, destinations; no names).
 */
export function GovernorsReportSection() {
  return (
    <DownloadSection
      title="Governors’ report"
      description="A PDF of your careers figures for the governing board: the eight benchmark scores and how they have moved, coverage by year group and for each vulnerable group, the programme planned and delivered, what people thought of it, and where leavers went. It holds figures only: no pupil is named."
      buttonText="Download the governors’ report (PDF)"
      busyText="Making the report…"
      errorTitle="The governors’ report could not be made"
      prepare={async () => {
        const { governorsReportPdf } = await import('../lib/governorsReportDownload');
        const { bytes, fileName } = await governorsReportPdf(new Date());
        return [{ name: fileName, content: bytes, type: 'application/pdf' }];
      }}
    />
  );
}
