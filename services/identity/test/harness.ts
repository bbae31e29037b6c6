import 'reflect-metadata';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { actAsAppRole, openDatabase, type DatabaseOptions, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import {
  startTestSubgraph,
  SubgraphTestClient,
  testDatabase,
  testKeys,
  testSigner,
  type GraphQLResponse,
  type TestSubgraph,
} from '@waymark/subgraph-kit/testing';
import { createApp as createPupilsApp, pupilsService } from '@waymark/pupils';
import { createApp, identityService, type IdentityServiceConfig } from '../src/app.js';
import { DEFAULT_PUPILS_URL } from '../src/env.js';
import { Account } from '../src/modules/account/account.entity.js';
import { ApiCredential } from '../src/modules/api-credential/api-credential.entity.js';
import { Session } from '../src/modules/session/session.entity.js';
import { WebhookEndpoint } from '../src/modules/webhook/webhook.entity.js';

export interface InternalResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * A seeded identity service on a throwaway database, called over HTTP as the gateway would. With
 * `pupils`, also a seeded pupils subgraph (its own database) that identity asks about pupils.
 */
export class IdentityHarness {
  /** Every GraphQL response body, so a test can check none of them carries a hash or secret. */
  readonly responses: string[] = [];

  private constructor(
    readonly orm: Orm,
    readonly app: SubgraphServer,
    readonly client: SubgraphTestClient,
    readonly pupils: TestSubgraph | null,
    private readonly dispose: () => Promise<void>,
  ) {}

  static async start({
    pupils: withPupils = false,
    mail = null,
    employersUrl,
    webhooks,
  }: {
    pupils?: boolean;
    mail?: IdentityServiceConfig['mail'];
    employersUrl?: string;
    webhooks?: IdentityServiceConfig['webhooks'];
  } = {}): Promise<IdentityHarness> {
    const db = testDatabase('identity');
    let pupils: TestSubgraph | null = null;
    let orm: Orm | undefined;
    let appOrm: Orm | undefined;
    let app: SubgraphServer | undefined;
    const dispose = async () => {
      await app?.close();
      if (appOrm !== orm) await appOrm?.close(true);
      await orm?.close(true);
      await db.dispose();
      await pupils?.close();
    };
    try {
      if (withPupils) pupils = await startTestSubgraph(pupilsService, createPupilsApp);
      const pupilsUrl = pupils ? `${pupils.client.baseUrl}/graphql` : DEFAULT_PUPILS_URL;
      const options: DatabaseOptions = { service: 'identity', entities: identityService.entities, migrations: identityService.migrations, ...db.options };
      orm = await openDatabase(options);
      await identityService.seed!(orm, { secondTrust: false });
      // On PostgreSQL the app's own connections act as the application role, as a running service's do,
      // so the /internal routes meet the tenant check too; the tests' fixtures keep the owner's. PGlite
      // has one connection: the app shares the owner's, and only its requests switch role.
      appOrm = options.databaseUrl ? await actAsAppRole(await openDatabase(options), options) : orm;
      app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl, mail, employersUrl, webhooks }, orm: appOrm });
      const client = await SubgraphTestClient.start(app);
      return new IdentityHarness(orm, app, client, pupils, dispose);
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.dispose();
  }

  async query<T = Record<string, unknown>>(principal: Principal | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const res = await this.client.query<T>(principal, query, variables);
    this.responses.push(JSON.stringify(res));
    return res;
  }

  /** POSTs to an internal route with the gateway's system credential unless told otherwise. */
  async internal<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    as: Principal | null = SYSTEM_PRINCIPAL,
    init: { method?: string; raw?: string } = {},
  ): Promise<InternalResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers[CREDENTIAL_HEADER] = await testSigner().sign(as);
    const method = init.method ?? 'POST';
    const response = await fetch(`${this.client.baseUrl}${path}`, {
      method,
      headers,
      body: method === 'POST' ? (init.raw ?? JSON.stringify(body)) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Every stored hash, second-factor secret and webhook signing secret, to look for in responses. */
  async storedSecrets(): Promise<string[]> {
    const em = this.orm.em.fork();
    const [accounts, sessions, credentials] = await Promise.all([em.find(Account, {}), em.find(Session, {}), em.find(ApiCredential, {})]);
    return [
      ...accounts.flatMap((a) => [a.passwordHash, ...(a.mfaSecret ? [a.mfaSecret] : [])]),
      ...sessions.map((s) => s.tokenHash),
      ...credentials.map((c) => c.secretHash),
      // Webhook signing secrets: as sealed in the table, and as opened.
      ...(await em.getConnection().execute<{ secret: string }[]>('select secret from webhook_endpoint')).map((row: { secret: string }) => row.secret),
      ...(await em.find(WebhookEndpoint, {})).map((endpoint) => endpoint.secret),
    ];
  }
}
