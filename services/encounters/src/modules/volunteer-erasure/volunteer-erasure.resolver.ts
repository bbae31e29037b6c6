import { eraseVolunteerResolver } from '@waymark/subgraph-kit';
import { eraseVolunteerRows } from './volunteer-erasure.service.js';

/** `eraseVolunteer`: this subgraph's part of a volunteer deleting their account (the rows `eraseVolunteerRows` clears), for the gateway alone. */
export const VolunteerErasureResolver = eraseVolunteerResolver(eraseVolunteerRows);
