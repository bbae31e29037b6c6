import { localSubgraphUrl } from '@waymark/auth';
import {
  createServiceApp,
  relayedOutboxRoutes,
  type Orm,
  type RequestContext,
  type ServiceDefinition,
  type ServiceEnv,
  type SubgraphServer,
} from '@waymark/subgraph-kit';
import { Destination } from './modules/destination/destination.entity.js';
import { Aspiration, Intention } from './modules/intention/intention.entity.js';
import { SeptemberOffer } from './modules/september-offer/september-offer.entity.js';
import { ActivitySpellRow } from './modules/spell/spell.entity.js';
import { spellEventOutbox } from './modules/spell/spell.webhook.js';
import { SelfReportRow } from './modules/self-report/self-report.entity.js';
import { AlumniReportRow } from './modules/alumni-report/alumni-report.entity.js';
import { DestinationSyncChange, DestinationSyncPupil, DestinationSyncSource } from './modules/sync/destination-sync-change.entity.js';
import { selfReportRoutes } from './modules/self-report/self-report.routes.js';
import { PupilsClient } from './modules/external/pupils.client.js';
import { EmployersClient } from './modules/external/employers.client.js';
import { migrations } from './migrations/index.js';
import { buildDestinationsSchema } from './schema.js';
import { seedDemo } from './seed.js';

/** What a destinations app gives every request (`ctx.deps`): the pupils and employers subgraphs it asks, at the addresses it was configured with. */
export interface DestinationsDeps {
  pupils: PupilsClient;
  employers: EmployersClient;
}

/** Where the other subgraphs answer; the employers subgraph defaults to this machine's usual port. */
type DepsConfig = Pick<ServiceEnv, 'pupilsUrl'> & { employersUrl?: string };

/** The request context of every destinations resolver. */
export type DestinationsContext = RequestContext<DestinationsDeps>;

/** Built once per app, from its configuration. */
export function destinationsDeps(config: DepsConfig): DestinationsDeps {
  return { pupils: new PupilsClient(config.pupilsUrl), employers: new EmployersClient(config.employersUrl ?? localSubgraphUrl('employers')) };
}

/** The service as the tooling and the composition see it: the schema is the same whatever the app's addresses. */
export const destinationsService: ServiceDefinition = {
  name: 'destinations',
  entities: [
    Destination,
    Intention,
    Aspiration,
    SeptemberOffer,
    ActivitySpellRow,
    SelfReportRow,
    AlumniReportRow,
    DestinationSyncChange,
    DestinationSyncPupil,
    DestinationSyncSource,
  ],
  migrations,
  buildSchema: buildDestinationsSchema,
  seed: seedDemo,
  rowSecurity: true,
  // The public side of leavers' self-reports and the webhook outbox's relay (the spells' events), for the gateway alone.
  routes: (orm) => relayedOutboxRoutes(orm, spellEventOutbox, selfReportRoutes(orm)),
};

export function createApp({ env, orm }: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & DepsConfig; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(destinationsService, { env, orm, deps: destinationsDeps(env) });
}
