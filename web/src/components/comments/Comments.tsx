import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { fetchComments, type SocialTarget } from '../../api/social.ts';
import type { Comment } from '../../api/types.ts';
import { useAnnouncement } from '../../hooks/useAnnouncement.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { useSignInFirst } from '../../hooks/useSignInFirst.ts';
import { LiveRegion } from '../LiveRegion.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { Skeleton } from '../Skeleton.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

/**
 * The conversation under a product or a set: oldest first, a page at a time, then the form.
 * Comments the member posts here show at the end at once, even before the older pages are loaded.
 */
export function Comments({ target }: { target: SocialTarget }) {
  const { member, signInPath } = useSignInFirst();
  const load = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      const page = await fetchComments(target, cursor, signal);
      return { items: page.comments, next: page.next };
    },
    [target],
  );
  const list = usePagedList(`${target.kind}:${target.id}`, load, (comment: Comment) => comment.id);
  const [posted, setPosted] = useState<Comment[]>([]);
  const [message, announce] = useAnnouncement();
  const heading = useRef<HTMLHeadingElement>(null);
  const container = useRef<HTMLDivElement>(null);

  const loadedIds = new Set(list.items.map((c) => c.id));
  const shown = [...list.items, ...posted.filter((c) => !loadedIds.has(c.id))];

  function removed(comment: Comment) {
    list.update((items) => items.filter((c) => c.id !== comment.id));
    setPosted((was) => was.filter((c) => c.id !== comment.id));
    announce('Comment deleted.');
    heading.current?.focus();
  }

  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="section-title" ref={heading} tabIndex={-1}>
        Comments
      </h2>
      {list.status === 'loading' && (
        <div className="comments__loading" aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading comments…
          </p>
          <Skeleton width="60%" />
          <Skeleton width="85%" />
        </div>
      )}
      {list.status === 'failed' && (
        <RetryNotice title="We couldn’t load the comments" message={list.problem} onRetry={list.retry} />
      )}
      {list.status === 'ready' && shown.length === 0 && <p className="comments__empty">No comments yet. Start the conversation.</p>}
      {shown.length > 0 && (
        <div ref={container}>
          <ol className="comments__list" aria-label="Comments, oldest first">
            {shown.map((comment, index) => (
              <li key={comment.id}>
                <CommentItem comment={comment} index={index} onDeleted={removed} />
              </li>
            ))}
          </ol>
        </div>
      )}
      <LoadMore {...list} label="Load more comments" container={container} />
      {member ? (
        <CommentForm
          target={target}
          onPosted={(comment) => {
            setPosted((was) => [...was, comment]);
            announce('Your comment is posted.');
          }}
        />
      ) : (
        <p className="comments__signin">
          <Link to={signInPath}>Sign in</Link> to join the conversation.
        </p>
      )}
      <LiveRegion message={message} />
    </section>
  );
}
