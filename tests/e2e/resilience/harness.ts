/**
 * Helpers for the resilience specs: built app servers on their own fresh PostgreSQL database,
 * and a TCP proxy between an app and PostgreSQL that the test can cut and restore.
 * They run only with TEST_DATABASE_URL (the faults they inject are PostgreSQL's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import postgres from 'postgres';
import { isHoliday } from '../api/holidays';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
/**
 * First of the five ports these specs use (apps, proxy, SMTP); it also names their databases, so a
 * second copy of the suite can run beside the first with another E2E_RESILIENCE_PORT.
 */
export const BASE_PORT = Number(process.env.E2E_RESILIENCE_PORT ?? 4322);
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

export function databaseUrl(name: string, via?: { port: number }): string {
	const url = new URL(TEST_DATABASE_URL!);
	url.pathname = `/${name}`;
	if (via) {
		url.hostname = '127.0.0.1';
		url.port = String(via.port);
	}
	return url.toString();
}

/** A superuser client on the test database `name` (for faults and for checking what was stored). */
export function adminClient(name?: string): postgres.Sql {
	return postgres(name ? databaseUrl(name) : TEST_DATABASE_URL!, { max: 2, onnotice: () => {} });
}

export async function createDatabase(name: string): Promise<void> {
	const admin = adminClient();
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
	} finally {
		await admin.end();
	}
}

export async function dropDatabase(name: string): Promise<void> {
	const admin = adminClient();
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
	} finally {
		await admin.end();
	}
}

export interface App {
	baseURL: string;
	child: ChildProcess;
	/** What the app wrote on stderr/stdout (warn level and above), for failure messages. */
	output(): string;
	stop(): Promise<void>;
}

/** `node build` on `port` with `env`; resolves when /healthz says 200. */
export async function startApp(port: number, env: Record<string, string>): Promise<App> {
	const baseURL = `http://localhost:${port}`;
	const child = spawn(process.execPath, [BUILD_DIR], {
		env: { ...process.env, LOG_LEVEL: 'warn', SMTP_URL: '', SEED_DEMO_BOOKINGS: '0', ...env, PORT: String(port), ORIGIN: baseURL },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-100_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const app: App = {
		baseURL,
		child,
		output: () => output,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killer);
		}
	};
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`the app on ${port} exited: ${output}`);
		try {
			if ((await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return app;
		} catch {
			/* not up yet */
		}
		await sleep(200);
	}
	await app.stop();
	throw new Error(`the app on ${port} did not start: ${output}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A signed-in client over plain fetch (one cookie), in English. */
export interface Client {
	cookie: string;
	fetch(path: string, init?: RequestInit): Promise<Response>;
}

export async function signIn(baseURL: string, email: string): Promise<Client> {
	const response = await fetch(`${baseURL}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'accept-language': 'en' },
		body: JSON.stringify({ email, password: 'center-demo' })
	});
	if (response.status !== 201) throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	return { cookie, fetch: (path, init = {}) => clientFetch(baseURL, cookie, path, init) };
}

/** The same session used against another app process. */
export function sameSessionOn(baseURL: string, client: Client): Client {
	return { cookie: client.cookie, fetch: (path, init = {}) => clientFetch(baseURL, client.cookie, path, init) };
}

function clientFetch(baseURL: string, cookie: string, path: string, init: RequestInit): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set('cookie', cookie);
	if (!headers.has('accept-language')) headers.set('accept-language', 'en');
	return fetch(`${baseURL}${path}`, { ...init, headers, redirect: 'manual' });
}

export function bookingRequest(body: Record<string, unknown>, key: string): RequestInit {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': key },
		body: JSON.stringify(body)
	};
}

/**
 * A TCP proxy on `port` to PostgreSQL. `cut()` drops every connection and refuses new ones (the
 * database is gone), `restore()` accepts again.
 */
export interface Proxy {
	port: number;
	cut(): Promise<void>;
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function startProxy(port: number, target: { host: string; port: number }): Promise<Proxy> {
	const sockets = new Set<net.Socket>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	};
	const server = net.createServer((client) => {
		const upstream = net.connect(target.port, target.host);
		track(client);
		track(upstream);
		client.pipe(upstream);
		upstream.pipe(client);
		const end = () => {
			client.destroy();
			upstream.destroy();
		};
		client.once('error', end).once('close', end);
		upstream.once('error', end).once('close', end);
	});
	const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
	await listen();
	return {
		port,
		async cut() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			await closed;
		},
		restore: listen,
		async close() {
			for (const socket of sockets) socket.destroy();
			if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

export function postgresTarget(): { host: string; port: number } {
	const url = new URL(TEST_DATABASE_URL!);
	return { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` weekdays that are not public holidays, from `weeksAhead` weeks on (past the lead time, inside the 90-day horizon). */
export function weekdaysFrom(weeksAhead: number, count: number): string[] {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + weeksAhead * 7);
	const days: string[] = [];
	while (days.length < count) {
		const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !isHoliday(date)) days.push(date);
		d.setUTCDate(d.getUTCDate() + 1);
	}
	return days;
}
