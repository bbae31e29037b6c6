import 'reflect-metadata';
import { makePrincipal, describeRowSecurity } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { destinationsService } from './app.js';

// The database's own tenant check on every destinations table (docs/security.md, "Row-level security").
const [northfield, southbank] = demoData().schools;

describeRowSecurity({
  definition: destinationsService,
  tables: ['destination', 'intention', 'aspiration', 'activity_spell'],
  leader: makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId }),
  otherSchoolId: southbank.id,
});
