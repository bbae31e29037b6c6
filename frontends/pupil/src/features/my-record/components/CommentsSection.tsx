import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { CommentForm, CommentList, isForbidden, Section } from '@waymark/ui';
import type { RecordComment } from '../graphql/myPupilRecord';
import type { Audience } from './audience';

export interface CommentsSectionProps {
  audience: Audience;
  comments: readonly RecordComment[] | null;
  errors: readonly GraphQLErrorItem[];
  /** Parents may add comments; pupils read them. */
  onAdd?: (body: string) => Promise<string | null>;
}

export function CommentsSection({ audience, comments, errors, onAdd }: CommentsSectionProps) {
  const pupil = audience.kind === 'pupil';
  return (
    <Section
      title="Comments"
      description={
        pupil
          ? 'Comments on your record from your school and from your parents or carers.'
          : `Comments on ${audience.childName}'s record from the school and from parents or carers. ${audience.childName} and the school can read what you write.`
      }
    >
      {errors.length ? (
        <p className="wm-inset">{isForbidden(errors) ? 'Comments are not available to you.' : 'The comments could not be loaded just now. Try again later.'}</p>
      ) : null}
      {comments ? <CommentList comments={comments} emptyText="No comments yet." /> : null}
      {onAdd ? <CommentForm onSubmit={onAdd} label="Add a comment" /> : null}
    </Section>
  );
}
