import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/store/schema.ts into drizzle/ (run `npm run db:generate`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './drizzle',
});
