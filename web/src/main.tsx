import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AuthProvider } from './auth/AuthContext.tsx';
import { BagProvider } from './bag/BagContext.tsx';
import { AppErrorBoundary } from './components/AppErrorBoundary.tsx';
import { createAppRouter } from './routes.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/shop.css';
import './styles/commerce.css';
import './styles/social.css';
import './styles/sets.css';
import './styles/photos.css';
import './styles/radar.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing <div id="root">');

const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <AppErrorBoundary>
      <AuthProvider>
        <BagProvider>
          <RouterProvider router={router} />
        </BagProvider>
      </AuthProvider>
    </AppErrorBoundary>
  </StrictMode>,
);
