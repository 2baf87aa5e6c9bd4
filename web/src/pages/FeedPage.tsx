import { useAuth } from '../auth/AuthContext.tsx';
import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Home: the member's personalised feed; a welcome for visitors. */
export function FeedPage() {
  const { state } = useAuth();
  useDocumentTitle(state.status === 'signed-in' ? 'Your feed' : 'Welcome');

  if (state.status === 'checking') return <PageLoading />;
  if (state.status === 'signed-out') return <Welcome />;

  return (
    <div className="page">
      <PageHeader
        eyebrow="Feed"
        title={`Hello, ${state.member.display_name}`}
        lede="Photos, sets and loves from the people and brands you follow, with pieces picked for you."
      />
      <EmptyState
        icon="feed"
        title="Follow people and brands to fill your feed"
        action={
          <ButtonLink to="/explore" variant="secondary">
            Explore the collection
          </ButtonLink>
        }
      >
        <p>When the members, stylists and brands you follow post photos, build sets or love a piece, it shows up here.</p>
      </EmptyState>
    </div>
  );
}

function Welcome() {
  return (
    <div className="page">
      <section className="welcome" aria-labelledby="welcome-title">
        <div className="welcome__text">
          <p className="welcome__kicker">The members’ network</p>
          <h1 id="welcome-title" className="welcome__title" tabIndex={-1} data-page-title>
            Love it, wear it, share it.
          </h1>
          <p className="welcome__lede">
            Follow friends, stylists and the brands you wear. Share photos of your looks and shop the pieces in them.
          </p>
          <div className="welcome__actions">
            <ButtonLink to="/join" size="lg">
              Join Coterie
            </ButtonLink>
            <ButtonLink to="/explore" variant="secondary" size="lg">
              Explore
            </ButtonLink>
          </div>
        </div>
        <div className="welcome__editorial" aria-hidden="true">
          <p className="welcome__editorial-line">Real people.</p>
          <p className="welcome__editorial-line">Real outfits.</p>
          <p className="welcome__editorial-line welcome__editorial-line--accent">Shop the look.</p>
        </div>
      </section>
      <EmptyState icon="feed" title="Your feed starts when you join">
        <p>Members see the photos, sets and loves of everyone they follow here, mixed with pieces picked for them.</p>
      </EmptyState>
    </div>
  );
}
