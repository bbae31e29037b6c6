import { AccessError, batchedReference } from '@waymark/subgraph-kit';
import { findSchools, findTrusts } from './school.service.js';

/** Any signed-in person may resolve a school or trust (public institutions); the gateway alone may not. */
export const resolveSchoolReference = batchedReference(
  'School',
  (ids, ctx) => {
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    return findSchools(ctx.em, ids);
  },
  (school) => school.id,
);

export const resolveTrustReference = batchedReference(
  'Trust',
  (ids, ctx) => {
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    return findTrusts(ctx.em, ids);
  },
  (trust) => trust.id,
);
