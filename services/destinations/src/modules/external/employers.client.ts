import { querySubgraph, type RequestContext } from '@waymark/subgraph-kit';
import { ConfirmedAlumnusDocument, type ConfirmedAlumnusQuery } from './employers.generated.js';

/** A confirmed alumnus as the employers subgraph answers it. */
export type ConfirmedAlumnus = NonNullable<ConfirmedAlumnusQuery['confirmedAlumnus']>;

/**
 * What this subgraph asks the employers subgraph, with the caller's own credential (from `ctx`), so
 * the employers subgraph answers about the caller alone; any failure throws, so callers fail closed.
 */
export class EmployersClient {
  constructor(readonly url: string) {}

  /** The caller, if they are an alumnus a school confirmed; null for anyone else. */
  async confirmedAlumnus(ctx: RequestContext): Promise<ConfirmedAlumnus | null> {
    return (await querySubgraph(ctx, this.url, 'Checking the alumnus', ConfirmedAlumnusDocument, {})).confirmedAlumnus;
  }
}
