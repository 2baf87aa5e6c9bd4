import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Bag: the pieces a member means to buy. Members only. */
export function BagPage() {
  useDocumentTitle('Bag');
  return (
    <div className="page">
      <PageHeader eyebrow="Bag" title="Your bag" />
      <EmptyState
        icon="bag"
        title="Your bag is empty"
        action={
          <ButtonLink to="/explore" variant="secondary">
            Explore pieces
          </ButtonLink>
        }
      >
        <p>Pieces and whole sets you add to your bag will appear here, ready for checkout.</p>
      </EmptyState>
    </div>
  );
}
