import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner } from '@waymark/auth';

/** One subgraph with an outbox the relay reads (for webhooks: POST /internal/webhook-outbox and /forwarded). */
export interface OutboxSource {
  name: string;
  graphqlUrl: string;
}

const BATCH = 100;

/** What a relay carries: where the sources keep it (and `<outboxPath>/forwarded`), the list's name there, and identity's route that takes it. */
interface RelayChannel {
  what: string;
  outboxPath: string;
  listName: string;
  identityPath: string;
}

const WEBHOOK_CHANNEL: RelayChannel = {
  what: 'webhook events',
  outboxPath: '/internal/webhook-outbox',
  listName: 'events',
  identityPath: '/internal/webhook-events',
};

/** Mail for schools' careers leaders (the employers subgraph's leader mail outbox), which identity sends. */
export const LEADER_MAIL_CHANNEL: RelayChannel = {
  what: 'mail for careers leaders',
  outboxPath: '/internal/leader-mail-outbox',
  listName: 'notices',
  identityPath: '/internal/leader-mail',
};

/**
 * The dispatcher between the subgraphs' webhook outboxes and identity, which keeps the trusts'
 * endpoints (docs/architecture.md, "Webhooks"); with LEADER_MAIL_CHANNEL, between the employers
 * subgraph's leader mail outbox and identity, which sends the mail. The gateway does it because it alone holds the key
 * that makes the system credential those internal routes need. Each run, per source: take the waiting
 * events, hand them to identity, and only once identity has answered mark them forwarded at the
 * source. A lost answer means the same events are handed over again; identity keeps each event once
 * by its id, so nothing is delivered twice. A failing source is skipped until the next run.
 */
export class WebhookRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly sources: readonly OutboxSource[],
    private readonly identityGraphqlUrl: string,
    private readonly signer: CredentialSigner,
    private readonly timeoutMs: number,
    private readonly channel: RelayChannel = WEBHOOK_CHANNEL,
  ) {}

  private async call<T>(graphqlUrl: string, path: string, body: unknown): Promise<T> {
    const response = await fetch(new URL(path, graphqlUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  private async relaySource(source: OutboxSource): Promise<number> {
    let relayed = 0;
    for (;;) {
      const { listName, outboxPath, identityPath } = this.channel;
      const events = (await this.call<Record<string, { id: string }[]>>(source.graphqlUrl, outboxPath, { limit: BATCH }))[listName] ?? [];
      if (events.length === 0) return relayed;
      await this.call(this.identityGraphqlUrl, identityPath, { [listName]: events });
      await this.call(source.graphqlUrl, `${outboxPath}/forwarded`, { ids: events.map((event) => event.id) });
      relayed += events.length;
      if (events.length < BATCH) return relayed;
    }
  }

  /** One run over every source (never two at once); answers how many rows reached identity. */
  relayNow(onError: (error: Error) => void = () => undefined): Promise<number> {
    this.running ??= (async () => {
      let relayed = 0;
      for (const source of this.sources) {
        try {
          relayed += await this.relaySource(source);
        } catch (error) {
          onError(new Error(`${this.channel.what} from ${source.name} not relayed yet: ${(error as Error).message}`));
        }
      }
      return relayed;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(everyMs: number, onError: (error: Error) => void): void {
    this.timer = setInterval(() => void this.relayNow(onError), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
