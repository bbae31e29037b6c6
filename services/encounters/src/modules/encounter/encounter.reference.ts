import { batchedReference } from '@waymark/subgraph-kit';
import { EncounterService } from './encounter.service.js';

/** `_entities` for Encounter: one statement per batch, only the encounters the caller may read. */
export const resolveEncounterReference = batchedReference(
  'Encounter',
  (ids, ctx) => new EncounterService(ctx.em).findVisible(ctx.principal, ids),
  (encounter) => encounter.id,
);
