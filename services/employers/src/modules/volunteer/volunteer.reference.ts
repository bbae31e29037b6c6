import { batchedReference } from '@waymark/subgraph-kit';
import { VolunteerService } from './volunteer.service.js';

/** `_entities` for Volunteer: one statement per batch, only the volunteers the caller may read. */
export const resolveVolunteerReference = batchedReference(
  'Volunteer',
  (ids, ctx) => new VolunteerService(ctx.em).findVisible(ctx.principal, ids),
  (volunteer) => volunteer.id,
);
