import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/client.ts';
import { addSetItem, fetchAccountSets, fetchSet } from '../../api/sets.ts';
import type { SetSummary } from '../../api/types.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { useSignInFirst } from '../../hooks/useSignInFirst.ts';
import { countOf } from '../../lib/words.ts';
import { Button, ButtonLink } from '../Button.tsx';
import { Icon } from '../Icon.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { PageLoading } from '../PageLoading.tsx';
import { Sheet } from '../Sheet.tsx';
import { SetCover } from './SetCard.tsx';
import { RetryNotice } from '../RetryNotice.tsx';

export interface AddToSetProps {
  productId: string;
  title: string;
}

/** "Add to set" on a product page: pick one of your sets, or start a new set with this piece. */
export function AddToSet({ productId, title }: AddToSetProps) {
  const { member, signInFirst } = useSignInFirst();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          if (!signInFirst()) setOpen(true);
        }}
      >
        <Icon name="sets" size={18} />
        Add to set
      </Button>
      {member && (
        <Sheet
          open={open}
          onClose={() => setOpen(false)}
          title="Add to a set"
          footer={
            <ButtonLink to={`/sets/new?product=${encodeURIComponent(productId)}`} block>
              <Icon name="plus" size={18} />
              New set with this piece
            </ButtonLink>
          }
        >
          {open && <YourSets handle={member.handle} productId={productId} title={title} />}
        </Sheet>
      )}
    </>
  );
}

function YourSets({ handle, productId, title }: { handle: string; productId: string; title: string }) {
  const list = usePagedList(
    `sets:${handle}`,
    async (cursor, signal) => {
      const page = await fetchAccountSets(handle, cursor, signal);
      return { items: page.sets, next: page.next };
    },
    (set: SetSummary) => set.id,
  );
  const container = useRef<HTMLDivElement>(null);

  if (list.status === 'loading') return <PageLoading label="Loading your sets…" />;
  if (list.status === 'failed') {
    return (
      <RetryNotice title="We couldn’t load your sets" message={list.problem} onRetry={list.retry} />
    );
  }
  if (list.items.length === 0) {
    return <p className="set-picker__empty">You have no sets yet. Start one with {title} below.</p>;
  }
  return (
    <div ref={container}>
      <ul className="set-picker" aria-label="Your sets">
        {list.items.map((set, index) => (
          <SetChoice key={set.id} set={set} index={index} productId={productId} title={title} />
        ))}
      </ul>
      <LoadMore {...list} label="Load more sets" container={container} />
    </div>
  );
}

function SetChoice({ set, index, productId, title }: { set: SetSummary; index: number; productId: string; title: string }) {
  const [state, setState] = useState<'idle' | 'adding' | 'added' | 'already'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [count, setCount] = useState(set.item_count);

  async function add() {
    setState('adding');
    setProblem(null);
    try {
      // Adding a piece that is already there would move it to the end: look first.
      const current = await fetchSet(set.id);
      if (current.items.some((item) => item.product.id === productId)) {
        setCount(current.items.length);
        setState('already');
        return;
      }
      const updated = await addSetItem(set.id, productId);
      setCount(updated.items.length);
      setState('added');
    } catch (error) {
      setProblem(problemMessage(error));
      setState('idle');
    }
  }

  return (
    <li className="set-picker__item">
      <div className="set-picker__cover">
        <SetCover cover={set.cover_url} previews={set.previews} />
      </div>
      <div className="set-picker__text">
        <p className="set-picker__title">{set.title}</p>
        <p className="set-picker__meta">
          {countOf(count, 'piece', 'pieces')}
          {set.visibility === 'private' && ' · Private'}
        </p>
        {problem && (
          <p className="set-picker__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      {state === 'added' || state === 'already' ? (
        <p className="set-picker__done" role="status">
          <Icon name="check" size={18} />
          {state === 'added' ? 'Added' : 'Already in it'} · <Link to={`/sets/${encodeURIComponent(set.id)}`}>View set</Link>
        </p>
      ) : (
        <Button size="sm" variant="secondary" onClick={add} loading={state === 'adding'} loadingLabel="Adding…" data-item-index={index}>
          Add<span className="visually-hidden"> {title} to {set.title}</span>
        </Button>
      )}
    </li>
  );
}
