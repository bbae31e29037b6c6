import { GovernorsReportDocument, type GovernorsReportQuery } from '../../../gql/graphql';

// The document is in governorsReport.graphql; this is its typed text (frontends/README.md).
export const GOVERNORS_REPORT_QUERY = GovernorsReportDocument.toString();
export type GovernorsReportData = GovernorsReportQuery;
