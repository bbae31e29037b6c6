import { DomainError, mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum EncounterErrorCode {
  RegisterForbidden = 'ENCOUNTER_REGISTER_FORBIDDEN',
  NoSchool = 'ENCOUNTER_NO_SCHOOL',
  Invalid = 'ENCOUNTER_INVALID',
  UnknownPupils = 'ENCOUNTER_UNKNOWN_PUPILS',
  NotFound = 'ENCOUNTER_NOT_FOUND',
}

export class EncounterError extends DomainError<EncounterErrorCode> {
  static registerForbidden(): EncounterError {
    return new EncounterError('FORBIDDEN', EncounterErrorCode.RegisterForbidden, 'Only staff of the school that ran the encounter can see its register.');
  }

  static noSchool(): EncounterError {
    return new EncounterError('FORBIDDEN', EncounterErrorCode.NoSchool, 'Only staff of a school can record its encounters.');
  }
}

/** The expected ways `createEncounter` can fail: returned in the result, never thrown. */
export const EncounterProblems = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(EncounterErrorCode.Invalid, 'Some details of the encounter need changing.', fields);
  },
  notFound(): MutationError {
    return mutationError(EncounterErrorCode.NotFound, 'There is no such encounter at your school.');
  },
  unknownPupils(pupilIds: string[]): MutationError {
    return mutationError(EncounterErrorCode.UnknownPupils, `${pupilIds.length} pupil(s) on the register are not pupils of your school.`, [
      { field: 'register', message: `Not pupils of your school: ${pupilIds.join(', ')}` },
    ]);
  },
};
