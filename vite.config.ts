import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { koreanParticles } from './src/lib/i18n/vite-plugin.js';

/** Unicode ranges of Han characters (CJK ideographs, extensions, compatibility forms). */
const HAN = [
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xf900, 0xfaff],
	[0x20000, 0x3ffff]
];
const onlyHan = (unicodeRange: string) =>
	unicodeRange.split(',').every((part) => {
		const [from, to = from] = part.trim().slice(2).split('-').map((hex) => parseInt(hex, 16));
		return HAN.some(([lo, hi]) => from! >= lo! && to! <= hi!);
	});

/**
 * PretendardGOV's subset stylesheets, trimmed as they load: every browser we serve reads woff2, so
 * each rule's .woff fallback goes; and the 28 subsets that hold only Han characters (한자, rare on
 * these pages, which then show in the system font) go too — a third of the stylesheet, which
 * every page loads before it renders.
 */
function pretendardSubsets(): Plugin {
	return {
		name: 'pretendard-subsets',
		enforce: 'pre',
		transform(code, id) {
			if (!/pretendard-gov[\\/].*\.css$/.test(id)) return null;
			const trimmed = code
				.replace(/\/\* \[\d+\] \*\/\s*@font-face\s*\{[^}]*unicode-range:\s*([^;]+);[^}]*\}/g, (rule, range: string) => (onlyHan(range) ? '' : rule))
				.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '');
			return { code: trimmed, map: null };
		}
	};
}

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			emitReadme: false
		}),
		pretendardSubsets(),
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
