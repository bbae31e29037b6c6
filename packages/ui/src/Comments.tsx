import { commentProblem } from '@waymark/domain';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Button } from './Button.js';
import { DateText } from './DateText.js';
import { ErrorPanel, Notice } from './feedback.js';
import { TextAreaField } from './form.js';

export interface RecordCommentView {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface CommentListProps {
  comments: readonly RecordCommentView[];
  emptyText?: string;
}

/** Comments on a record, oldest first, each with who wrote it and when. */
export function CommentList({ comments, emptyText = 'No comments yet.' }: CommentListProps) {
  if (comments.length === 0) return <p className="wm-muted">{emptyText}</p>;
  const ordered = [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return (
    <ol className="wm-comments">
      {ordered.map((comment) => (
        <li key={comment.id} className="wm-comment">
          <p className="wm-comment__meta">
            <strong>{comment.authorName}</strong>, <DateText value={comment.createdAt} />
          </p>
          <p className="wm-comment__body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

export interface CommentFormProps {
  /** Sends the comment; resolves with a message to show when it was not added, else null. */
  onSubmit: (body: string) => Promise<string | null>;
  /** Names the form. */
  label?: string;
  /** Labels the text box. */
  fieldLabel?: string;
  hint?: string;
}

/** "Add a comment": a labelled text box, an inline error when the text breaks the comment rule, the server's refusal, a confirmation when added. */
export function CommentForm({ onSubmit, label = 'Add a comment', fieldLabel = 'Your comment', hint }: CommentFormProps) {
  const [body, setBody] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(false);
    setFailure(null);
    // The same rule the API runs on a comment.
    const invalid = commentProblem(body);
    setFieldError(invalid);
    if (invalid) {
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    const problem = await onSubmit(body.trim());
    setBusy(false);
    if (problem) {
      setFailure(problem);
      fieldRef.current?.focus();
      return;
    }
    setBody('');
    setAdded(true);
  }

  return (
    <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={label}>
      {failure ? (
        <ErrorPanel title="Your comment was not added" headingLevel={3}>
          {failure}
        </ErrorPanel>
      ) : null}
      {added ? <Notice title="Your comment has been added" headingLevel={3} /> : null}
      <TextAreaField
        ref={fieldRef}
        id={fieldId}
        label={fieldLabel}
        hint={hint}
        name="comment"
        rows={4}
        value={body}
        error={fieldError ?? undefined}
        onChange={(event) => {
          setBody(event.target.value);
          setAdded(false);
        }}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Adding your comment…' : 'Add comment'}
      </Button>
    </form>
  );
}
