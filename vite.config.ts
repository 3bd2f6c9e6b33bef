import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { koreanParticles } from './src/lib/i18n/vite-plugin.js';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			emitReadme: false
		}),
		koreanParticles(),
		sveltekit()
	],
	server: { port: 5173 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'pglite',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					env: { TEST_DRIVER: 'pglite' },
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			...(withPostgres
				? [
						{
							extends: true as const,
							test: {
								name: 'postgres',
								include: ['tests/integration/**/*.test.ts'],
								globalSetup: ['tests/integration/global-setup.ts'],
								setupFiles: ['tests/integration/setup.ts'],
								env: { TEST_DRIVER: 'postgres' },
								testTimeout: 30_000,
								hookTimeout: 60_000
							}
						}
					]
				: [])
		]
	}
});
