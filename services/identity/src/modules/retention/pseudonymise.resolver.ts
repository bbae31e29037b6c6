import { pseudonymisePupilResolver } from '@waymark/subgraph-kit';
import { pseudonymisePupilRows } from './pseudonymise.service.js';

/** `pseudonymisePupil`: this subgraph's part of pseudonymising a leaver (the rows `pseudonymisePupilRows` clears), for the retention job alone. */
export const RetentionResolver = pseudonymisePupilResolver(pseudonymisePupilRows);
