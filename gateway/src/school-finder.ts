import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner } from '@waymark/auth';

/** A school as the public sign-up form sees it: only what the DfE publishes anyway. */
export interface SchoolChoice {
  id: string;
  name: string;
  localAuthority: string;
  urn: string;
}

/** Fewer letters than this find too many schools; the pupils subgraph answers nothing for them either. */
export const MIN_SCHOOL_QUERY = 3;
const MAX_SCHOOL_QUERY = 100;

const FIELDS = 'id name localAuthority urn';
const FIND = `query SchoolsForSignUp($query: String!) { schoolsForSignUp(query: $query) { ${FIELDS} } }`;
const ONE = `query SchoolForSignUp($id: ID!) { schoolForSignUp(id: $id) { ${FIELDS} } }`;

/**
 * Waymark's list of schools for the anonymous volunteer sign-up form: the pupils subgraph's
 * system-only lookups, asked with the gateway's own credential (a visitor has none). Throws when
 * pupils cannot be reached or answers with an error.
 */
export class SchoolFinder {
  constructor(
    private readonly pupilsUrl: string,
    private readonly signer: CredentialSigner,
    private readonly timeoutMs: number,
  ) {}

  /** At most 10 schools whose name contains `query` (too short or too long: none, without asking). */
  async find(query: string): Promise<SchoolChoice[]> {
    const words = query.trim().replace(/\s+/g, ' ');
    if (words.length < MIN_SCHOOL_QUERY || words.length > MAX_SCHOOL_QUERY) return [];
    return (await this.ask<{ schoolsForSignUp: SchoolChoice[] }>(FIND, { query: words })).schoolsForSignUp;
  }

  /** The school with this id, or null when Waymark has none. */
  async byId(id: string): Promise<SchoolChoice | null> {
    return (await this.ask<{ schoolForSignUp: SchoolChoice | null }>(ONE, { id })).schoolForSignUp;
  }

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.pupilsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: { message: string }[] } | null;
    if (!response.ok || !body?.data || body.errors?.length)
      throw new Error(`pupils answered ${response.status}: ${body?.errors?.map((e) => e.message).join('; ') ?? 'no answer'}`);
    return body.data;
  }
}
