import { useRef } from 'react';
import { useParams } from 'react-router';
import { fetchHashtag } from '../api/social.ts';
import type { HashtagItem } from '../api/types.ts';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { HashtagItemCard } from '../components/social/HashtagItemCard.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { countOf } from '../lib/words.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** /hashtags/:tag: everything members tagged with it, newest first. */
export function HashtagPage() {
  const { tag: raw = '' } = useParams();
  const tag = raw.replace(/^#/, '').toLowerCase();
  useDocumentTitle(`#${tag}`);
  const list = usePagedList(
    `tag:${tag}`,
    async (cursor, signal) => {
      const page = await fetchHashtag(tag, cursor, signal);
      return { items: page.items, next: page.next, total: page.count };
    },
    (item: HashtagItem) => `${item.kind}:${item.id}`,
  );
  const container = useRef<HTMLDivElement>(null);
  const empty = list.status === 'missing' || (list.status === 'ready' && list.items.length === 0);

  return (
    <div className="page">
      <PageHeader
        eyebrow="Hashtag"
        title={`#${tag}`}
        lede={list.total !== null ? `${countOf(list.total, 'post', 'posts')}, newest first` : undefined}
      />
      {list.status === 'loading' && <PageLoading label={`Loading #${tag}…`} />}
      {list.status === 'failed' && (
        <RetryNotice title="We couldn’t load this hashtag" message={list.problem} onRetry={list.retry} />
      )}
      {empty && (
        <EmptyState
          icon="hash"
          title={`Nobody has used #${tag} yet`}
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore the collection
            </ButtonLink>
          }
        >
          <p>Add it to a comment or a set’s description and it starts here.</p>
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <div ref={container}>
          <ol className="tag-items" aria-label={`Posts tagged #${tag}, newest first`}>
            {list.items.map((item, index) => (
              <li key={`${item.kind}:${item.id}`}>
                <HashtagItemCard item={item} index={index} />
              </li>
            ))}
          </ol>
          <LoadMore
            {...list}
            progress={list.total !== null ? `Showing ${list.items.length} of ${list.total.toLocaleString()}` : undefined}
            container={container}
          />
        </div>
      )}
    </div>
  );
}
