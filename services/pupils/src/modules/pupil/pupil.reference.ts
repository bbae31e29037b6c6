import { batchedReference } from '@waymark/subgraph-kit';
import { PupilService } from './pupil.service.js';

/** `_entities` for Pupil: one statement per batch, only the pupils the caller may read. */
export const resolvePupilReference = batchedReference(
  'Pupil',
  (ids, ctx) => new PupilService(ctx.em).findVisible(ctx.principal, ids),
  (pupil) => pupil.id,
);
