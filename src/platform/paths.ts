import { fileURLToPath } from 'node:url';

// This file sits at src/platform/paths.ts and compiles to dist/platform/paths.js: two levels below the package.
/** The package's root folder, the same whether running from src/ (tsx) or dist/ (built). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
