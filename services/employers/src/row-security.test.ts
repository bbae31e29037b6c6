import 'reflect-metadata';
import { makePrincipal, describeRowSecurity } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { employersService } from './app.js';

// The database's own tenant check on every employers table (docs/security.md, "Row-level security").
const [northfield, southbank] = demoData().schools;

describeRowSecurity({
  definition: employersService,
  tables: ['volunteer_request', 'volunteer_offer', 'encounter_outbox', 'placement_application', 'placement_outbox', 'volunteer_check'],
  leader: makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId }),
  otherSchoolId: southbank.id,
});
