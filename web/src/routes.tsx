import { createBrowserRouter, type RouteObject } from 'react-router';
import { CATALOGUE_STAFF, RequireKind } from './auth/RequireKind.tsx';
import { RequireMember } from './auth/RequireMember.tsx';
import { AppShell } from './components/shell/AppShell.tsx';
import { AdminImportPage } from './pages/AdminImportPage.tsx';
import { AdminImportsPage } from './pages/AdminImportsPage.tsx';
import { BagPage } from './pages/BagPage.tsx';
import { CheckoutPage } from './pages/CheckoutPage.tsx';
import { ExplorePage } from './pages/ExplorePage.tsx';
import { FeedPage } from './pages/FeedPage.tsx';
import { FollowListPage } from './pages/FollowListPage.tsx';
import { HashtagPage } from './pages/HashtagPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MemberProfilePage } from './pages/MemberProfilePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrderPage } from './pages/OrderPage.tsx';
import { OrdersPage } from './pages/OrdersPage.tsx';
import { PhotoPage } from './pages/PhotoPage.tsx';
import { ProductPage } from './pages/ProductPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { RadarAlertPage } from './pages/RadarAlertPage.tsx';
import { RadarPage } from './pages/RadarPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';
import { EditSetPage, NewSetPage } from './pages/SetEditorPage.tsx';
import { SetPage } from './pages/SetPage.tsx';
import { ShopThePhotoPage } from './pages/ShopThePhotoPage.tsx';
import { UploadPage } from './pages/UploadPage.tsx';

/**
 * Every client route. Pages sit in a pathless route with its own error element, so a page that
 * fails renders its error inside the shell and the navigation stays usable.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <FeedPage /> },
          { path: 'explore', element: <ExplorePage /> },
          { path: 'products/:id', element: <ProductPage /> },
          { path: 'join', element: <JoinPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'u/:handle', element: <MemberProfilePage /> },
          { path: 'u/:handle/followers', element: <FollowListPage key="followers" list="followers" /> },
          { path: 'u/:handle/following', element: <FollowListPage key="following" list="following" /> },
          { path: 'sets/:id', element: <SetPage /> },
          { path: 'photos/:id', element: <PhotoPage /> },
          { path: 'hashtags/:tag', element: <HashtagPage /> },
          { path: 'shop-the-photo', element: <ShopThePhotoPage /> },
          {
            // Members only: visitors are sent to sign in and brought back.
            element: <RequireMember />,
            children: [
              { path: 'upload', element: <UploadPage /> },
              { path: 'bag', element: <BagPage /> },
              { path: 'checkout', element: <CheckoutPage /> },
              { path: 'orders', element: <OrdersPage /> },
              { path: 'orders/:id', element: <OrderPage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'sets/new', element: <NewSetPage /> },
              { path: 'sets/:id/edit', element: <EditSetPage /> },
              {
                // Catalogue work: buyers and admins only.
                element: <RequireKind kinds={CATALOGUE_STAFF} />,
                children: [
                  { path: 'admin/imports', element: <AdminImportsPage /> },
                  { path: 'admin/imports/:id', element: <AdminImportPage /> },
                  // The buyer trend radar.
                  { path: 'radar', element: <RadarPage /> },
                  { path: 'radar/:id', element: <RadarAlertPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
