import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The config lives in web/ but npm scripts run from the repository root, so every path is
// anchored to this file rather than to the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

// In development the API runs separately (`npm run dev`); the SPA talks to it through this proxy
// so cookies stay same-origin exactly as they are when the server serves web/dist itself.
const apiServer = 'http://127.0.0.1:8080';
const proxy = {
  '/api': { target: apiServer, changeOrigin: false },
  '/healthz': { target: apiServer, changeOrigin: false },
  '/blobs': { target: apiServer, changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  // Vite 8 transforms TSX with Oxc; the automatic runtime means no `import React` in every file.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for React Server Components; in a plain SPA
        // bundle the directive is meaningless, so the warning is noise.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
