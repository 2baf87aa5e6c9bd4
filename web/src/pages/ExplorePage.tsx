import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Explore: what the whole network is loving, sharing and buying. Open to visitors. */
export function ExplorePage() {
  useDocumentTitle('Explore');
  return (
    <div className="page">
      <PageHeader
        eyebrow="Explore"
        title="Trending now"
        lede="What members everywhere are loving, sharing and buying, as it happens."
      />
      <EmptyState icon="explore" title="Nothing is trending yet">
        <p>
          As members love, share and photograph pieces, the live pulse of the network and the pieces, brands and
          hashtags taking off will appear here.
        </p>
      </EmptyState>
    </div>
  );
}
