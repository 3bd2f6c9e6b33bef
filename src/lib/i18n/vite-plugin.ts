import type { Plugin } from 'vite';

/**
 * Resolves Korean particles inside Paraglide's compiled messages, so every message — said by a
 * service through `say()` or rendered by a component as `m.key(params)` — gets the particle that
 * fits its actual value. Paraglide compiles "{date}은 …" to a template literal `${i?.date}은 …`;
 * this rewrites it to `${withParticle(i?.date, "은")} …` when the modules load (dev, build and
 * vitest alike). Catalogue authors write either particle of a pair; the value decides.
 * Hand-written because Paraglide has no hook for it; `particles.test.ts` renders compiled
 * messages to prove the rewrite still matches Paraglide's output.
 */
const COMPILED_MESSAGE = /[\\/]paraglide[\\/]messages[\\/][^\\/]+\.js$/;
const PLACEHOLDER_THEN_PARTICLE =
	/\$\{(i\?\.(?:\w+|\["[^"]+"\]))\}(으로|로|은|는|이|가|을|를|과|와)(?=$|[^\uAC00-\uD7A3]|(?<=로)(?:는|도|부터|서|써|의|만)|(?<=[과와])(?:는|도|의))/g;

export function rewriteParticles(code: string): string | undefined {
	if (!PLACEHOLDER_THEN_PARTICLE.test(code)) return undefined;
	PLACEHOLDER_THEN_PARTICLE.lastIndex = 0;
	const body = code.replace(PLACEHOLDER_THEN_PARTICLE, (_, value: string, particle: string) => `\${__withParticle(${value}, "${particle}")}`);
	return `import { withParticle as __withParticle } from '$lib/i18n/particles';\n${body}`;
}

export function koreanParticles(): Plugin {
	return {
		name: 'center:korean-particles',
		transform(code, id) {
			if (!COMPILED_MESSAGE.test(id.split('?')[0]!)) return undefined;
			const rewritten = rewriteParticles(code);
			return rewritten === undefined ? undefined : { code: rewritten, map: null };
		}
	};
}
