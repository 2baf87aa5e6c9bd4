import { deleteComment } from '../../api/social.ts';
import type { Comment } from '../../api/types.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { ConfirmAction } from '../ConfirmAction.tsx';
import { Byline } from '../social/AccountRow.tsx';
import { RichText } from '../social/RichText.tsx';

export interface CommentItemProps {
  comment: Comment;
  index: number;
  onDeleted: (comment: Comment) => void;
}

/** One comment: who, when, what (with @handles and #hashtags linked), and Delete for its author. */
export function CommentItem({ comment, index, onDeleted }: CommentItemProps) {
  return (
    <article className="comment" tabIndex={-1} data-item-index={index} aria-label={`Comment by ${comment.author.display_name}`}>
      <Byline account={comment.author}>
        <time className="comment__time" dateTime={comment.created_at} title={formatDateTime(comment.created_at)}>
          {formatRelative(comment.created_at)}
        </time>
      </Byline>
      <RichText className="comment__body" text={comment.body} mentions={comment.mentions} hashtags={comment.hashtags} />
      {comment.can_delete && (
        <div className="comment__actions">
          <ConfirmAction
            label={
              <>
                Delete<span className="visually-hidden"> comment by {comment.author.display_name}</span>
              </>
            }
            question="Delete this comment? This can’t be undone."
            confirmLabel="Delete"
            busyLabel="Deleting…"
            keepLabel="Keep it"
            onConfirm={async () => {
              await deleteComment(comment.id);
              onDeleted(comment);
            }}
          />
        </div>
      )}
    </article>
  );
}
