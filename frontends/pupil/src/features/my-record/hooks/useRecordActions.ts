import { GraphQLRequestError, request } from '@waymark/graphql-client';
import { useCallback } from 'react';
import { ADD_RECORD_COMMENT_MUTATION, SET_PUPIL_CONSENT_MUTATION } from '../graphql/myPupilRecord';

const message = (error: unknown, fallback: string) => (error instanceof GraphQLRequestError || error instanceof Error ? error.message : fallback);

/** Saving consent and adding a comment for one pupil; each resolves with a message when it did not work, then reloads. */
export function useRecordActions(pupilId: string | null, reload: () => Promise<void>) {
  const saveConsent = useCallback(
    async (choice: { destinationTracking: boolean; localAuthoritySharingOptOut: boolean }): Promise<string | null> => {
      if (!pupilId) return 'There is no record to change.';
      try {
        const { setPupilConsent } = await request(SET_PUPIL_CONSENT_MUTATION, { input: { pupilId, ...choice } });
        if (setPupilConsent.error || !setPupilConsent.consent) return setPupilConsent.error?.message ?? 'Your choices were not saved.';
        await reload();
        return null;
      } catch (error) {
        return message(error, 'Your choices were not saved.');
      }
    },
    [pupilId, reload],
  );

  const addComment = useCallback(
    async (body: string): Promise<string | null> => {
      if (!pupilId) return 'There is no record to comment on.';
      try {
        const { addRecordComment } = await request(ADD_RECORD_COMMENT_MUTATION, { input: { pupilId, body } });
        if (addRecordComment.error || !addRecordComment.comment) return addRecordComment.error?.message ?? 'Your comment was not added.';
        await reload();
        return null;
      } catch (error) {
        return message(error, 'Your comment was not added.');
      }
    },
    [pupilId, reload],
  );

  return { saveConsent, addComment };
}
