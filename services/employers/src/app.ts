import { localSubgraphUrl } from '@waymark/auth';
import { createServiceApp, type Orm, type RequestContext, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Employer } from './modules/employer/employer.entity.js';
import { Volunteer } from './modules/volunteer/volunteer.entity.js';
import { EncounterOutbox, VolunteerOffer, VolunteerRequest } from './modules/request/request.entity.js';
import { EncountersClient } from './modules/external/encounters.client.js';
import { Placement, PlacementApplication, PlacementOutbox } from './modules/placement/placement.entity.js';
import { PupilsClient } from './modules/placement/pupils.client.js';
import { VolunteerCheck } from './modules/volunteer-check/volunteer-check.entity.js';
import { LeaderMailOutbox } from './modules/leader-mail/leader-mail.entity.js';
import { leaderMailCleanupJob, leaderMailOutboxRoutes } from './modules/leader-mail/leader-mail.service.js';
import { SignedUpVolunteer } from './modules/volunteer-sign-up/volunteer-sign-up.entity.js';
import { migrations } from './migrations/index.js';
import { buildEmployersSchema } from './schema.js';
import { seedDemo } from './seed.js';

/** What an employers app gives every request (`ctx.deps`): the encounters subgraph it asks, at the address it was configured with. */
export interface EmployersDeps {
  encounters: EncountersClient;
  /** Asked with a pupil's own credential for their first name and year group (placement applications). */
  pupils: PupilsClient;
}

/** The request context of every employers resolver. */
export type EmployersContext = RequestContext<EmployersDeps>;

export const employersService: ServiceDefinition = {
  name: 'employers',
  entities: [
    Employer,
    Volunteer,
    VolunteerRequest,
    VolunteerOffer,
    EncounterOutbox,
    Placement,
    PlacementApplication,
    PlacementOutbox,
    VolunteerCheck,
    SignedUpVolunteer,
    LeaderMailOutbox,
  ],
  migrations,
  buildSchema: buildEmployersSchema,
  seed: seedDemo,
  routes: (orm) => leaderMailOutboxRoutes(orm),
  housekeeping: [leaderMailCleanupJob],
  rowSecurity: true,
};

/** Built once per app, from its configuration. */
export function employersDeps(config: { encountersUrl?: string; pupilsUrl?: string }): EmployersDeps {
  return {
    encounters: new EncountersClient(config.encountersUrl ?? localSubgraphUrl('encounters')),
    pupils: new PupilsClient(config.pupilsUrl ?? localSubgraphUrl('pupils')),
  };
}

export function createApp(deps: {
  env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & { encountersUrl?: string; pupilsUrl?: string };
  orm: Orm;
}): Promise<SubgraphServer> {
  return createServiceApp(employersService, { ...deps, deps: employersDeps(deps.env) });
}
