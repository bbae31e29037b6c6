import { DomainError, mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum PupilErrorCode {
  FlagsForbidden = 'PUPIL_FLAGS_FORBIDDEN',
  FlagHistoryForbidden = 'PUPIL_FLAG_HISTORY_FORBIDDEN',
  NotVisible = 'PUPIL_NOT_VISIBLE',
  FlagsInvalid = 'PUPIL_FLAGS_INVALID',
  ListInputInvalid = 'PUPIL_LIST_INPUT_INVALID',
  HomeLocalAuthorityForbidden = 'PUPIL_HOME_LOCAL_AUTHORITY_FORBIDDEN',
  HomeLocalAuthorityInvalid = 'PUPIL_HOME_LOCAL_AUTHORITY_INVALID',
  AddressForbidden = 'PUPIL_ADDRESS_FORBIDDEN',
  AddressInvalid = 'PUPIL_ADDRESS_INVALID',
}

export class PupilError extends DomainError<PupilErrorCode> {
  static flagsForbidden(): PupilError {
    return new PupilError('FORBIDDEN', PupilErrorCode.FlagsForbidden, "Only staff of the pupil's own school can see vulnerable-group flags.");
  }

  static flagHistoryForbidden(): PupilError {
    return new PupilError(
      'FORBIDDEN',
      PupilErrorCode.FlagHistoryForbidden,
      "Only staff of the pupil's current school can see the history of their vulnerable-group flags.",
    );
  }

  static homeLocalAuthorityForbidden(): PupilError {
    return new PupilError(
      'FORBIDDEN',
      PupilErrorCode.HomeLocalAuthorityForbidden,
      "Only staff of the pupil's own school can see the local authority they live in.",
    );
  }

  static addressForbidden(): PupilError {
    return new PupilError(
      'FORBIDDEN',
      PupilErrorCode.AddressForbidden,
      "Only staff of the pupil's own school can see the pupil's address and their parent's or carer's details.",
    );
  }

  static listInputInvalid(message: string): PupilError {
    return new PupilError('BAD_USER_INPUT', PupilErrorCode.ListInputInvalid, message);
  }
}

export const PupilProblems = {
  notVisible(): MutationError {
    return mutationError(PupilErrorCode.NotVisible, 'There is no pupil with that id that you can change.', [
      { field: 'pupilId', message: 'Not a pupil you can change.' },
    ]);
  },
  flagsInvalid(message: string): MutationError {
    return mutationError(PupilErrorCode.FlagsInvalid, message, [{ field: 'flags', message }]);
  },
  homeLocalAuthorityInvalid(code: string): MutationError {
    const message = `"${code}" is not the code of a local authority in England. Use the three-digit DfE code, such as 330 for Birmingham. Nothing was saved.`;
    return mutationError(PupilErrorCode.HomeLocalAuthorityInvalid, message, [{ field: 'code', message }]);
  },
  addressInvalid(problems: { field: string; message: string }[]): MutationError {
    const message = `${problems.map((problem) => problem.message).join(' ')} Nothing was saved.`;
    return mutationError(PupilErrorCode.AddressInvalid, message, problems);
  },
};
