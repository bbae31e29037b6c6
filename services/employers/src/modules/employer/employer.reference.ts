import { AccessError, batchedReference } from '@waymark/subgraph-kit';
import { findEmployers } from './employer.service.js';

/** Any signed-in person may resolve an employer (a public organisation); the gateway alone may not. */
export const resolveEmployerReference = batchedReference(
  'Employer',
  (ids, ctx) => {
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    return findEmployers(ctx.em, ids);
  },
  (employer) => employer.id,
);
