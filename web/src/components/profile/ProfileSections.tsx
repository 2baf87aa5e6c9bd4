import { useSearchParams } from 'react-router';
import { fetchAccountPhotos } from '../../api/photos.ts';
import { fetchBrandProducts, fetchLovedProducts } from '../../api/social.ts';
import type { Profile } from '../../api/types.ts';
import { ButtonLink } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { PagedPhotoGrid } from '../photos/PagedPhotoGrid.tsx';
import { PagedProductGrid } from '../shop/PagedProductGrid.tsx';
import { TabNav, type TabNavItem } from '../TabNav.tsx';
import { ProfileSets } from './ProfileSets.tsx';

type Tab = 'products' | 'loves' | 'sets' | 'photos';
const tabLabels: Record<Tab, string> = { products: 'Products', loves: 'Loves', sets: 'Sets', photos: 'Photos' };

/** The tabs a profile has: brands lead with their products. */
function tabsOf(profile: Profile): Tab[] {
  return profile.kind === 'brand' ? ['products', 'loves', 'sets', 'photos'] : ['loves', 'sets', 'photos'];
}

/** A profile's sections, one at a time, chosen by `?tab=` so each can be linked to. */
export function ProfileSections({ profile, own }: { profile: Profile; own: boolean }) {
  const [params] = useSearchParams();
  const tabs = tabsOf(profile);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : (tabs[0] ?? 'loves');
  const counts: Partial<Record<Tab, number>> = { loves: profile.counts.loves, sets: profile.counts.sets };
  const items: TabNavItem[] = tabs.map((t) => ({ to: `?tab=${t}`, label: tabLabels[t], count: counts[t], current: t === tab }));

  return (
    <div className="profile__sections">
      <TabNav label="Profile sections" items={items} />
      <section aria-labelledby="profile-section-title" className="profile__panel">
        <h2 id="profile-section-title" className="visually-hidden">
          {tabLabels[tab]}
        </h2>
        {tab === 'loves' && <LovesPanel profile={profile} own={own} />}
        {tab === 'sets' && <ProfileSets profile={profile} own={own} />}
        {tab === 'photos' && <PhotosPanel profile={profile} own={own} />}
        {tab === 'products' && <ProductsPanel profile={profile} />}
      </section>
    </div>
  );
}

function LovesPanel({ profile, own }: { profile: Profile; own: boolean }) {
  return (
    <PagedProductGrid
      listKey={`loves:${profile.handle}`}
      load={(cursor, signal) => fetchLovedProducts(profile.handle, cursor, signal)}
      label={own ? 'Pieces you love' : `Pieces ${profile.display_name} loves`}
      failedTitle="We couldn’t load the loved pieces"
      empty={
        <EmptyState
          icon="heart"
          headingLevel={3}
          title={own ? 'Nothing loved yet' : 'No loves yet'}
          action={
            own ? (
              <ButtonLink to="/explore" variant="secondary">
                Explore the collection
              </ButtonLink>
            ) : undefined
          }
        >
          <p>{own ? 'Tap the heart on any piece and it appears here.' : `Pieces ${profile.display_name} loves will appear here.`}</p>
        </EmptyState>
      }
    />
  );
}

function ProductsPanel({ profile }: { profile: Profile }) {
  return (
    <>
      {profile.brand_slug && (
        <div className="profile-panel__toolbar">
          <ButtonLink to={`/explore?brand=${encodeURIComponent(profile.brand_slug)}`} variant="secondary" size="sm">
            Filter and sort in Explore
          </ButtonLink>
        </div>
      )}
      <PagedProductGrid
        listKey={`products:${profile.handle}`}
        load={(cursor, signal) => fetchBrandProducts(profile.handle, cursor, signal)}
        label={`Pieces by ${profile.display_name}`}
        failedTitle="We couldn’t load the pieces"
        empty={
          <EmptyState icon="explore" headingLevel={3} title="No pieces to show yet">
            <p>{profile.display_name}’s pieces appear here once they are in the catalogue.</p>
          </EmptyState>
        }
      />
    </>
  );
}

/** The member's photos, newest first, as thumbnails that open each photo. */
function PhotosPanel({ profile, own }: { profile: Profile; own: boolean }) {
  return (
    <PagedPhotoGrid
      listKey={`photos:${profile.handle}`}
      load={(cursor, signal) => fetchAccountPhotos(profile.handle, cursor, signal)}
      label={own ? 'Your photos, newest first' : `Photos by ${profile.display_name}, newest first`}
      failedTitle="We couldn’t load the photos"
      empty={
        <EmptyState icon="photo" headingLevel={3} title="No photos yet">
          <p>
            {own
              ? 'Photos of what you wear appear here, with the pieces in them to shop.'
              : `Photos of what ${profile.display_name} wears will appear here, with the pieces in them to shop.`}
          </p>
        </EmptyState>
      }
    />
  );
}
