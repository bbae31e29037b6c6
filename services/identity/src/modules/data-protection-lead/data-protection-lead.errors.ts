import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum DataProtectionLeadErrorCode {
  InvalidInput = 'DATA_PROTECTION_LEAD_INVALID',
  StaffNotFound = 'DATA_PROTECTION_LEAD_STAFF_NOT_FOUND',
  AlreadyLead = 'DATA_PROTECTION_LEAD_ALREADY',
  NotFound = 'DATA_PROTECTION_LEAD_NOT_FOUND',
}

/** The expected ways naming or removing a data protection lead can fail: returned in the result, never thrown. */
export const DataProtectionLeadErrors = {
  invalidEmail(): MutationError {
    return mutationError(DataProtectionLeadErrorCode.InvalidInput, 'Enter an email address, like name@example.com.', [
      { field: 'email', message: 'Enter an email address, like name@example.com.' },
    ]);
  },
  /** One answer for an unknown email, another school's account and an account that is not staff: nobody learns who uses Waymark elsewhere. */
  staffNotFound(): MutationError {
    return mutationError(
      DataProtectionLeadErrorCode.StaffNotFound,
      'No member of staff at your school has a Waymark account with that email address. Check the address, or ask them which email they sign in with.',
      [{ field: 'email', message: 'Not the email of a member of staff at your school.' }],
    );
  },
  alreadyLead(name: string): MutationError {
    return mutationError(DataProtectionLeadErrorCode.AlreadyLead, `${name} is already a data protection lead for your school.`, [
      { field: 'email', message: 'Already a data protection lead.' },
    ]);
  },
  notFound(): MutationError {
    return mutationError(DataProtectionLeadErrorCode.NotFound, 'That person is not a data protection lead for your school.');
  },
};
