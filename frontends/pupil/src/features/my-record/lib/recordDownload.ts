import { MEASURES_FOR_PUPILS } from '@waymark/domain';
import { benchmarkCoverage } from '../../../shared/coverage';
import { STATE_TEXT, STATUS_TEXT, splitMeasures } from '../../my-progress/lib/progress';
import { buildRecordDocument, recordFileName, type RecordForPdf } from '../../record-pdf/lib/recordDocument';
import { recordHtml } from '../../record-pdf/lib/recordHtml';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { attendedActivities, LATER_STAGE_LABELS, laterDestinations } from './record';

/*
 * The downloadable record, loaded only when a download is asked for so the page's first load stays
 * small: what goes in it, as a PDF and as a web page.
 */

/** What the downloadable PDF needs from the record. */
export function toPdfRecord(record: PupilRecordView): RecordForPdf {
  return {
    displayName: record.displayName,
    schoolName: record.school?.name ?? null,
    yearGroup: record.yearGroup,
    activities: attendedActivities(record),
    benchmarks: benchmarkCoverage(record.benchmarkProgress),
    measures: splitMeasures(record.benchmarkProgress?.measures ?? []).current.map((measure) => ({
      benchmark: measure.benchmark,
      title: MEASURES_FOR_PUPILS[measure.measure].title,
      stateText: STATE_TEXT[measure.state],
      detail: measure.detail,
    })),
    progressAsOf: record.benchmarkProgress?.asOf ?? null,
    workExperience: record.benchmarkProgress?.workExperience ?? null,
    ownActivities:
      record.ownActivities?.map((activity) => ({
        title: activity.title,
        kindLabel: activity.kindLabel,
        startedOn: activity.startedOn,
        endedOn: activity.endedOn,
        hours: activity.hours,
        statusText: STATUS_TEXT[activity.status],
        declineReason: activity.declineReason,
      })) ?? null,
    interests: record.interests,
    consideringHigherEducation: record.consideringHigherEducation,
    intendedDestination: record.intendedDestination,
    laterDestinations: laterDestinations(record).map((destination) => ({
      stageLabel: LATER_STAGE_LABELS[destination.stage],
      kindLabel: destination.kindLabel,
    })),
  };
}

/** The record as a PDF file; pdf-lib, fontkit and the fonts it needs load now. */
export async function recordPdf(record: PupilRecordView, now: Date): Promise<{ bytes: Uint8Array; fileName: string }> {
  const doc = buildRecordDocument(toPdfRecord(record), now);
  const [{ renderPdf }, { loadBrowserFont }] = await Promise.all([import('@waymark/pdf'), import('../../record-pdf/lib/browserFonts')]);
  return { bytes: await renderPdf(doc, loadBrowserFont), fileName: doc.fileName };
}

/** The same record as a web page. */
export function recordPage(record: PupilRecordView, now: Date): { html: string; fileName: string } {
  return { html: recordHtml(buildRecordDocument(toPdfRecord(record), now)), fileName: recordFileName(record.displayName, 'html') };
}
