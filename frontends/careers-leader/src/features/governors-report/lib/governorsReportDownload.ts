import { academicYearOf } from '@waymark/domain';
import { GraphQLRequestError, request } from '@waymark/graphql-client';
import { GOVERNORS_REPORT_QUERY, type GovernorsReportData } from '../graphql/governorsReport';
import { buildGovernorsReport } from './governorsReport';

/**
 * Reads the report's figures in one request and makes the PDF in the browser; pdf-lib, fontkit and the
 * fonts load only now. When one part of the figures cannot be read the rest still make a report, and
 * that part says so.
 */
export async function governorsReportPdf(now: Date): Promise<{ bytes: Uint8Array; fileName: string }> {
  let data: GovernorsReportData;
  try {
    data = await request(GOVERNORS_REPORT_QUERY, { academicYear: academicYearOf(now) });
  } catch (error) {
    const partial = error instanceof GraphQLRequestError ? (error.data as GovernorsReportData | null) : null;
    if (!partial) throw error;
    data = partial;
  }
  const report = buildGovernorsReport(data, now);
  const [{ renderPdf }, { loadBrowserFont }] = await Promise.all([import('@waymark/pdf'), import('../../../shared/pdfFonts')]);
  return { bytes: await renderPdf(report, loadBrowserFont), fileName: report.fileName };
}
