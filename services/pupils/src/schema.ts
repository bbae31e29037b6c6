import { buildFederatedSchema, resolveOwnAccountReference } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { PupilCommentsResolver } from './modules/comment/comment.resolver.js';
import { PupilConsentResolver } from './modules/consent/consent.resolver.js';
import { EnrolmentResolver } from './modules/enrolment/enrolment.resolver.js';
import { PupilFlagsResolver } from './modules/flags/flags.resolver.js';
import { PupilAddressResolver } from './modules/address/address.resolver.js';
import { PupilHomeAuthorityResolver } from './modules/home-authority/home-authority.resolver.js';
import { LeavingResolver } from './modules/leaving/leaving.resolver.js';
import { PupilLeavingYearResolver } from './modules/leaving-year/pupil-leaving-year.resolver.js';
import { PupilResolver } from './modules/pupil/pupil.resolver.js';
import { resolvePupilReference } from './modules/pupil/pupil.reference.js';
import { RolloverResolver } from './modules/rollover/rollover.resolver.js';
import { CohortResolver } from './modules/cohort/cohort.resolver.js';
import { LeaversResolver } from './modules/leavers/leavers.resolver.js';
import { VolunteerPupilsResolver } from './modules/volunteer-view/volunteer-pupils.resolver.js';
import { PupilSyncResolver } from './modules/sync/pupil-sync.resolver.js';
import { RosterImportResolver } from './modules/roster-import/roster-import.resolver.js';
import { PupilSubjectAccessResolver } from './modules/subject-access/subject-access.resolver.js';
import { AccountSubjectAccessResolver } from './modules/subject-access/account-subject-access.resolver.js';
import { AccountStub } from './modules/external/account.stub.js';
import { PersonSubjectAccessResolver, resolvePersonSubjectAccessReference } from './modules/person-export/person-export.resolver.js';
import { PersonSubjectAccessStub } from './modules/person-export/person-export.types.js';
import { SchoolResolver, TrustResolver } from './modules/school/school.resolver.js';
import { SchoolFinderResolver } from './modules/school/school-finder.resolver.js';
import { resolveSchoolReference, resolveTrustReference } from './modules/school/school.reference.js';

export function buildPupilsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PupilResolver,
      PupilFlagsResolver,
      PupilHomeAuthorityResolver,
      PupilAddressResolver,
      PupilConsentResolver,
      PupilCommentsResolver,
      EnrolmentResolver,
      SchoolResolver,
      TrustResolver,
      SchoolFinderResolver,
      RosterImportResolver,
      RolloverResolver,
      LeavingResolver,
      PupilLeavingYearResolver,
      CohortResolver,
      LeaversResolver,
      VolunteerPupilsResolver,
      PupilSyncResolver,
      AuditResolver,
      PupilSubjectAccessResolver,
      AccountSubjectAccessResolver,
      PersonSubjectAccessResolver,
    ],
    // Reached only through `_entities`: the gateway brings the signed-in person's account from identity.
    orphanedTypes: [AccountStub, PersonSubjectAccessStub],
    references: {
      Pupil: resolvePupilReference,
      School: resolveSchoolReference,
      Trust: resolveTrustReference,
      Account: resolveOwnAccountReference,
      PersonSubjectAccess: resolvePersonSubjectAccessReference,
    },
  });
}
