/** Hands text to the browser as a file download with the given name (shared with the other portals' downloads). */
export { downloadFile } from '@waymark/ui';

/** Today as YYYY-MM-DD, in England (where every school is), from @waymark/domain. */
export { todayInEngland as todayIso } from '@waymark/domain';
