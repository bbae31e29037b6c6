/** Hands text to the browser as a file download with the given name. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the text goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today as YYYY-MM-DD, in England (where every school is), from @waymark/domain. */
export { todayInEngland as todayIso } from '@waymark/domain';
