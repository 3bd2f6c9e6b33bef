import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let parallel work build side by side; defaults are the usual ones.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Nonces for our own inline scripts; nothing is loaded from other origins.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// SvelteKit's CSRF check answers before the hooks, unlogged: the same check runs as the
		// `formOrigin` handle (src/lib/server/http/csrf.ts), right after the request log.
		csrf: { trustedOrigins: ['*'] },
		alias: { $tests: 'tests' }
	}
};

export default config;
