import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { mutationError, type MutationError } from '@waymark/subgraph-kit';
import { relationTo } from '../pupil/pupil.access.js';
import type { Pupil } from '../pupil/pupil.entity.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { ageOn, asUtcDate, dateInEngland } from '../school/school-calendar.js';
import { consentRuling, optOutBy, type ConsentActor } from './consent.rules.js';
import { PupilConsent, SetPupilConsentResult, type SetPupilConsentInput } from './consent.types.js';

export enum ConsentErrorCode {
  PupilUnder16 = 'CONSENT_PUPIL_UNDER_16',
  PupilDecides = 'CONSENT_PUPIL_DECIDES',
  NothingToChange = 'CONSENT_NOTHING_TO_CHANGE',
}

const Problems = {
  pupilUnder16(): MutationError {
    return mutationError(ConsentErrorCode.PupilUnder16, 'Until you are 16, your parent or carer (or your school) makes these choices with you.');
  },
  pupilDecides(): MutationError {
    return mutationError(ConsentErrorCode.PupilDecides, 'Your child is 16 or over, so they make these choices themself (or ask the school).');
  },
  nothingToChange(): MutationError {
    return mutationError(ConsentErrorCode.NothingToChange, 'Choose a preference to change.', [{ field: 'destinationTracking', message: 'Nothing to change.' }]);
  },
};

export function consentOf(pupil: Pupil): PupilConsent {
  return Object.assign(new PupilConsent(), {
    destinationTracking: pupil.destinationTracking,
    localAuthoritySharingOptOut: pupil.localAuthoritySharingOptOut,
    optOutBy: pupil.optOutBy,
    updatedAt: pupil.consentUpdatedAt,
  });
}

function result(consent: PupilConsent | null, error: MutationError | null): SetPupilConsentResult {
  return Object.assign(new SetPupilConsentResult(), { consent, error });
}

export class ConsentService {
  constructor(private readonly em: EntityManager) {}

  async setConsent(principal: Principal, input: SetPupilConsentInput, now = new Date()): Promise<SetPupilConsentResult> {
    const pupil = await new PupilService(this.em).findOneVisible(principal, input.pupilId);
    const relation = pupil ? relationTo(principal, pupil) : null;
    if (!pupil || (relation !== 'staff' && relation !== 'self' && relation !== 'parent')) return result(null, PupilProblems.notVisible());
    const actor: ConsentActor = relation;
    const tracking = input.destinationTracking ?? null;
    const optOut = input.localAuthoritySharingOptOut ?? null;
    if (tracking === null && optOut === null) return result(null, Problems.nothingToChange());

    const age = ageOn(String(pupil.dateOfBirth).slice(0, 10), asUtcDate(dateInEngland(now)));
    const ruling = consentRuling(actor, age);
    if (!ruling.allowed) return result(null, ruling.reason === 'pupil-under-16' ? Problems.pupilUnder16() : Problems.pupilDecides());

    if (tracking !== null) pupil.destinationTracking = tracking;
    if (optOut !== null && optOut !== pupil.localAuthoritySharingOptOut) {
      pupil.localAuthoritySharingOptOut = optOut;
      pupil.optOutBy = optOut ? optOutBy(actor, age) : null;
    }
    pupil.consentUpdatedAt = now;
    pupil.consentUpdatedBy = principal.displayName;
    pupil.consentUpdatedById = principal.accountId;
    await this.em.flush();
    return result(consentOf(pupil), null);
  }
}
