import { isDataProtectionOfficer } from '@waymark/auth';
import { batchedReference, isUuid, type ReferenceResolver } from '@waymark/subgraph-kit';
import type { PupilStub } from '../external/pupil.stub.js';
import { mayAskAboutPupil } from './destination.access.js';
import { DestinationService } from './destination.service.js';

/** `_entities` for Destination: one statement per batch, only the rows the caller may read. */
export const resolveDestinationReference = batchedReference(
  'Destination',
  (ids, ctx) => new DestinationService(ctx.em).findVisible(ctx.principal, ids),
  (destination) => destination.id,
);

/**
 * `_entities` for Pupil: no database work here; the fields batch their own reads. A school's data
 * protection lead gets the stub for `destinationsSubjectAccess` alone, which asks the pupils subgraph
 * whether the pupil is at their school; every other field gives a lead nothing (no record access).
 */
export const resolvePupilReference: ReferenceResolver = async (reference, ctx): Promise<PupilStub | null> =>
  mayAskAboutPupil(ctx.principal, reference.id) || (isDataProtectionOfficer(ctx.principal) && isUuid(reference.id)) ? { id: reference.id } : null;
