import 'reflect-metadata';
import { makePrincipal, describeRowSecurity } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { encountersService } from './app.js';

// The database's own tenant check on every encounters table (docs/security.md, "Row-level security").
const [northfield, southbank] = demoData().schools;

describeRowSecurity({
  definition: encountersService,
  tables: ['encounter', 'participation', 'own_activity', 'agreed_action', 'pupil_outlook', 'self_evaluation_override'],
  leader: makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId }),
  otherSchoolId: southbank.id,
});
