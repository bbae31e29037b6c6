import { querySubgraph, type RequestContext } from '@waymark/subgraph-kit';
import { PlacementPupilDocument } from './pupils.generated.js';

/** The pupil's first name and year group as their school's record holds them, or null when it holds no year group. */
export type PupilLookup = () => Promise<{ firstName: string; yearGroup: number } | null>;

/** What the placement module asks the pupils subgraph, always with the signed-in pupil's own credential. */
export class PupilsClient {
  constructor(readonly url: string) {}

  me(ctx: RequestContext): PupilLookup {
    return async () => {
      const data = await querySubgraph(ctx, this.url, 'Placement applicant', PlacementPupilDocument, {});
      const record = data.myPupilRecord;
      return record && record.yearGroup !== null ? { firstName: record.firstName, yearGroup: record.yearGroup } : null;
    };
  }
}
