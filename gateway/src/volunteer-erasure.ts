import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner } from '@waymark/auth';

/** The subgraphs holding a volunteer's data besides identity, asked in this order (identity's ERASURE_SUBGRAPHS). */
const SUBGRAPHS = ['employers', 'encounters', 'destinations'] as const;
type ErasureSubgraph = (typeof SUBGRAPHS)[number];

interface WaitingErasure {
  accountId: string;
  volunteerId: string;
  done: string[];
}

const MUTATION = 'mutation EraseVolunteer($volunteerId: ID!, $accountId: ID) { eraseVolunteer(volunteerId: $volunteerId, accountId: $accountId) }';

/**
 * Carries out volunteers' requests to delete their accounts (docs/domain-rules.md, "A volunteer
 * deletes their account"), in the way the retention job pseudonymises leavers: identity keeps each
 * request and the steps done; for each request not finished, each subgraph not yet done is asked
 * for its part (`eraseVolunteer` with the volunteer's and the account's ids, system credential only) and, once it answers, identity records the
 * step; after the last, identity erases its own part. The gateway does it because it alone holds the
 * key that makes the system credential. A subgraph that fails stops that request there; the next run
 * (straight after the next request, and on a timer) carries on from the steps recorded. Every step is
 * a no-op the second time, so a lost answer only means asking again.
 */
export class VolunteerErasureRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly urls: { identity: string } & Record<ErasureSubgraph, string>,
    private readonly signer: CredentialSigner,
    private readonly timeoutMs: number,
  ) {}

  private async post<T>(url: string, body: unknown): Promise<T> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
    return (await response.json()) as T;
  }

  private identity<T>(path: string, body: unknown): Promise<T> {
    return this.post<T>(new URL(path, this.urls.identity).toString(), body);
  }

  private async erasePart(subgraph: ErasureSubgraph, { volunteerId, accountId }: WaitingErasure): Promise<void> {
    const body = await this.post<{ data?: { eraseVolunteer?: boolean } | null; errors?: { message: string }[] }>(this.urls[subgraph], {
      query: MUTATION,
      variables: { volunteerId, accountId },
    });
    if (body.data?.eraseVolunteer !== true) throw new Error(`${subgraph}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no answer'}`);
  }

  private async carryOn(erasure: WaitingErasure): Promise<boolean> {
    let complete = false;
    for (const subgraph of SUBGRAPHS) {
      if (erasure.done.includes(subgraph)) continue;
      await this.erasePart(subgraph, erasure);
      ({ complete } = await this.identity<{ complete: boolean }>('/internal/volunteer-erasure/step', { accountId: erasure.accountId, subgraph }));
    }
    return complete;
  }

  /** One run over every request not finished (never two at once); answers how many were completed. */
  runNow(onError: (error: Error) => void = () => undefined): Promise<number> {
    this.running ??= (async () => {
      let completed = 0;
      let erasures: WaitingErasure[];
      try {
        ({ erasures } = await this.identity<{ erasures: WaitingErasure[] }>('/internal/volunteer-erasures', {}));
      } catch (error) {
        onError(new Error(`volunteer erasures not carried on: ${(error as Error).message}`));
        return 0;
      }
      for (const erasure of erasures) {
        try {
          if (await this.carryOn(erasure)) completed += 1;
        } catch (error) {
          onError(new Error(`volunteer erasure ${erasure.accountId} not finished yet: ${(error as Error).message}`));
        }
      }
      return completed;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(everyMs: number, onError: (error: Error) => void): void {
    this.timer = setInterval(() => void this.runNow(onError), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
