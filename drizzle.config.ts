import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` turns changes in the tables files into a new forward-only SQL migration.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/outbox/outbox.tables.ts', './src/modules/*/*.tables.ts'],
  out: './src/platform/db/migrations',
});
