import { CREDENTIAL_HEADER } from '@waymark/auth';

/** One signed-up volunteer, as the employers subgraph's provisionSignedUpVolunteer takes them. */
export interface ProvisionInput {
  accountId: string;
  kind: string;
  name: string;
  email: string;
  jobTitle: string;
  organisationName: string | null;
  sector: string | null;
  sizeBand: string | null;
  postcode: string | null;
  website: string | null;
  schoolId: string | null;
  schoolName: string | null;
  yearLeft: number | null;
}

/** The employers subgraph's answer: the volunteer's (and organisation's) ids, or why it refused. Throws when it cannot be reached. */
export type SendProvisioning = (input: ProvisionInput) => Promise<{ volunteerId: string; employerId: string | null } | { refused: string }>;

const MUTATION = `mutation ProvisionSignedUpVolunteer($input: ProvisionSignedUpVolunteerInput!) {
  provisionSignedUpVolunteer(input: $input) { volunteerId employerId }
}`;

/**
 * The employers subgraph at `url`, asked with `credential`: the system credential the gateway sent
 * with the request being answered (identity's internal routes answer nothing else), so the internal
 * mutation sees the system, never a person.
 */
export function employersProvisioner(url: string, credential: string): SendProvisioning {
  return async (input) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: credential },
      body: JSON.stringify({ query: MUTATION, variables: { input } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: { provisionSignedUpVolunteer?: { volunteerId: string; employerId: string | null } | null } | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const answer = body.data?.provisionSignedUpVolunteer;
    if (answer?.volunteerId) return answer;
    const refusal = body.errors?.find((error) => error.extensions?.code === 'BAD_USER_INPUT' || error.extensions?.code === 'FORBIDDEN');
    if (refusal) return { refused: refusal.message };
    throw new Error(`employers answered ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no answer'}`);
  };
}
