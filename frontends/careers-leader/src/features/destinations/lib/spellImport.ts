import type { SpellImportView } from '../graphql/spellBulk';

/** The file's columns, as docs/domain-rules.md ("Destinations") describes them. */
export const IMPORT_COLUMNS = ['UPN', 'Activity', 'Provider kind', 'Apprenticeship level', 'Provider', 'Start date', 'End date'];
/** The API's limit (SPELL_IMPORT_LIMITS in the destinations subgraph). */
export const IMPORT_LINE_LIMIT = 10_000;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "3 lines checked: 2 spells for 2 leavers are ready; 1 line has problems." */
export function previewSummary(preview: SpellImportView): string {
  const badLines = new Set(preview.problems.map((problem) => problem.line)).size;
  const ready = `${plural(preview.spells, 'spell', 'spells')} for ${plural(preview.leavers, 'leaver', 'leavers')} ${preview.spells === 1 ? 'is' : 'are'} ready`;
  return `${plural(preview.lines, 'line', 'lines')} checked: ${ready}${badLines > 0 ? `; ${plural(badLines, 'line has', 'lines have')} problems` : ''}.`;
}

/** Whether the preview can be imported: every line passed, and there is something to import. */
export const canImport = (preview: SpellImportView): boolean => !preview.error && preview.problems.length === 0 && preview.spells > 0;

/** "Import 2 spells". */
export const importLabel = (spells: number): string => `Import ${plural(spells, 'spell', 'spells')}`;

/** "Imported 2 spells for 2 leavers, as confirmed by the local authority or college." */
export const importedSummary = (result: SpellImportView): string =>
  `Imported ${plural(result.spells, 'spell', 'spells')} for ${plural(result.leavers, 'leaver', 'leavers')}, as confirmed by the local authority or college.`;
