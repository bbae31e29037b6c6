import { querySubgraph, type RequestContext } from '@waymark/subgraph-kit';
import type { SendEncounter } from '../outbox/deliver-encounters.js';
import {
  CreateVolunteerEncounterDocument,
  YearGroupSectorCoverageDocument,
  type CreateEncounterInput,
  type YearGroupSectorCoverageQuery,
} from './encounters.generated.js';

/** One year group of the caller's school as the encounters subgraph sees it (yearGroupSectorCoverage). */
export type YearGroupCoverage = NonNullable<YearGroupSectorCoverageQuery['yearGroupSectorCoverage']>[number];

/**
 * What this subgraph asks the encounters subgraph, at the address its app was configured with,
 * always with the caller's own credential (so encounters applies the caller's own rules).
 */
export class EncountersClient {
  constructor(readonly url: string) {}

  /** createEncounter for the outbox: the caller must be staff of the school the encounter is for. */
  sender(ctx: RequestContext): SendEncounter {
    return async (input) => {
      const data = await querySubgraph(ctx, this.url, 'Encounter for a volunteer request', CreateVolunteerEncounterDocument, {
        input: input as CreateEncounterInput,
      });
      const answer = data.createEncounter;
      if (answer.encounter) return { encounterId: answer.encounter.id };
      return { refused: answer.error?.message ?? 'no answer' };
    };
  }

  /** The caller's own school's year groups this academic year; the encounters subgraph refuses anyone but its staff. */
  async yearGroupCoverage(ctx: RequestContext): Promise<YearGroupCoverage[]> {
    const data = await querySubgraph(ctx, this.url, 'Year groups and the sectors they met', YearGroupSectorCoverageDocument, {});
    return data.yearGroupSectorCoverage ?? [];
  }
}
