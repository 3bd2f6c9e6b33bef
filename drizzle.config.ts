import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied by the app at start-up (src/lib/server/db/migrate.ts).
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	casing: 'snake_case'
});
