import { useRef, useState, type FormEvent } from 'react';
import { ApiError, problemMessage } from '../../api/client.ts';
import { COMMENT_MAX, postComment, type SocialTarget } from '../../api/social.ts';
import type { Comment } from '../../api/types.ts';
import { Button } from '../Button.tsx';
import { TextAreaField } from '../TextAreaField.tsx';

export interface CommentFormProps {
  target: SocialTarget;
  onPosted: (comment: Comment) => void;
}

function bodyProblem(body: string): string | null {
  if (!body.trim()) return 'Write your comment first.';
  const length = [...body.trim()].length;
  if (length > COMMENT_MAX) return `Keep it to ${COMMENT_MAX.toLocaleString()} characters: this is ${length.toLocaleString()}.`;
  return null;
}

/** Write a comment (1 to 2,000 characters); @handles and #hashtags become links once posted. */
export function CommentForm({ target, onPosted }: CommentFormProps) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = bodyProblem(body);
    setError(problem);
    if (problem) {
      box.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const comment = await postComment(target, body.trim());
      setBody('');
      onPosted(comment);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fieldErrors()['body'] : undefined;
      setError(field ?? problemMessage(failure));
      box.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      <TextAreaField
        ref={box}
        label="Add a comment"
        hint="Mention someone with @handle; tag it with #hashtags."
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          if (error) setError(null);
        }}
        error={error}
        max={COMMENT_MAX}
        rows={3}
        required
      />
      <div className="comment-form__actions">
        <Button type="submit" size="sm" loading={busy} loadingLabel="Posting…">
          Post comment
        </Button>
      </div>
    </form>
  );
}
