/**
 * The API reference page at /api/docs: Swagger UI (swagger-ui-dist, served from this app, no CDN)
 * reading /api/v1/openapi.json. Its own CSP: scripts only from here (the start-up script is a
 * file, not inline), inline styles allowed because Swagger UI sets style attributes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const VERSION: string = require('swagger-ui-dist/package.json').version;

export const DOCS_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"form-action 'none'",
	"frame-ancestors 'none'",
	"base-uri 'none'",
	"object-src 'none'"
].join('; ');

const INIT_SCRIPT = `window.addEventListener('DOMContentLoaded', function () {
	window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#api-reference', deepLinking: true, validatorUrl: 'none' });
});
`;

/** Files the page loads, by the name in its URL. */
const ASSETS: Record<string, { type: string; load: () => string }> = {
	'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', load: () => readAsset('swagger-ui-bundle.js') },
	'swagger-ui.css': { type: 'text/css; charset=utf-8', load: () => readAsset('swagger-ui.css') },
	'init.js': { type: 'text/javascript; charset=utf-8', load: () => INIT_SCRIPT }
};
const loaded = new Map<string, string>();

function readAsset(file: string): string {
	return readFileSync(require.resolve(`swagger-ui-dist/${file}`), 'utf8');
}

/** A page asset, or null for any other name (the table's own keys only). */
export function asset(name: string): { type: string; body: string } | null {
	if (!Object.hasOwn(ASSETS, name)) return null;
	const entry = ASSETS[name]!;
	if (!loaded.has(name)) loaded.set(name, entry.load());
	return { type: entry.type, body: loaded.get(name)! };
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function page(labels: { lang: string; title: string; heading: string; lead: string; home: string }): string {
	const v = encodeURIComponent(VERSION);
	return `<!doctype html>
<html lang="${escapeHtml(labels.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${v}">
<script src="/api/docs/swagger-ui-bundle.js?v=${v}" defer></script>
<script src="/api/docs/init.js?v=${v}" defer></script>
</head>
<body>
<header style="padding: 1rem 1.25rem 0; font-family: sans-serif">
<p style="margin: 0 0 .25rem; font-size: 1.25rem; font-weight: 700">${escapeHtml(labels.heading)}</p>
<p style="margin: 0">${escapeHtml(labels.lead)} <a href="/api/v1/openapi.json">openapi.json</a> · <a href="/">${escapeHtml(labels.home)}</a></p>
</header>
<main id="api-reference"><noscript>${escapeHtml(labels.lead)} /api/v1/openapi.json</noscript></main>
</body>
</html>
`;
}
