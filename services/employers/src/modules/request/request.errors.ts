import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum RequestErrorCode {
  Invalid = 'VOLUNTEER_REQUEST_INVALID',
  NotFound = 'VOLUNTEER_REQUEST_NOT_FOUND',
  Closed = 'VOLUNTEER_REQUEST_CLOSED',
  AlreadyOffered = 'VOLUNTEER_OFFER_EXISTS',
  OfferNotFound = 'VOLUNTEER_OFFER_NOT_FOUND',
  OfferAnswered = 'VOLUNTEER_OFFER_ANSWERED',
  NoneAccepted = 'VOLUNTEER_REQUEST_NONE_ACCEPTED',
  NoProfile = 'VOLUNTEER_PROFILE_MISSING',
}

/** The expected ways the request and offer mutations fail: returned in the result, never thrown. */
export const RequestProblems = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(RequestErrorCode.Invalid, 'Some details need changing.', fields);
  },
  notFound(): MutationError {
    return mutationError(RequestErrorCode.NotFound, 'There is no such request, or it is not one you can see.');
  },
  closed(): MutationError {
    return mutationError(RequestErrorCode.Closed, 'This request is closed: the school is no longer taking offers for it.');
  },
  alreadyOffered(): MutationError {
    return mutationError(RequestErrorCode.AlreadyOffered, 'You have already offered to help with this request.');
  },
  offerNotFound(): MutationError {
    return mutationError(RequestErrorCode.OfferNotFound, 'There is no such offer for your school.');
  },
  offerAnswered(): MutationError {
    return mutationError(RequestErrorCode.OfferAnswered, 'This offer has already been answered or has closed.');
  },
  noneAccepted(): MutationError {
    return mutationError(RequestErrorCode.NoneAccepted, 'Accept at least one offer before confirming the request.');
  },
  noProfile(): MutationError {
    return mutationError(RequestErrorCode.NoProfile, 'Fill in your volunteer profile before offering to help.');
  },
};
