import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { config, type DatabaseLimits } from '../config';
import { survivePostgresJsStrayRejections, withoutStaleErrors } from './postgres-js-faults';
import * as schema from './schema';
import { retryReadOnce } from './unavailable';

export type Schema = typeof schema;
/** The one database type both drivers are used through. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A service function accepts either the database or an open transaction. */
export type Executor = Database | Transaction;

export type DriverName = 'pglite' | 'postgres';

export interface OpenOptions {
	/** postgres:// URL; when absent the embedded PGlite is used. */
	url?: string;
	/** PGlite data directory; 'memory://' for a throw-away database. */
	dataDir?: string;
	/** A dumped PGlite data directory to start from (tests). */
	loadDataDir?: Blob | File;
	/** postgres.js pool size. */
	maxConnections?: number;
	/** Timeouts (defaults from the environment, README › Configuration). */
	limits?: Partial<DatabaseLimits>;
	migrate?: boolean;
}

export interface OpenDatabase {
	db: Database;
	driver: DriverName;
	/** The PGlite instance when the driver is pglite (for dumps in tests). */
	pglite?: PGlite;
	/** One trivial query under the health deadline; resolves with the ms it took. */
	ping(): Promise<number>;
	close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
// Any constant works; it only has to be the same in every app process.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * The live database of this process. ES module exports are live bindings, so every
 * `import { db }` sees the instance set by `useDatabase` (at start-up, or per test file).
 */
export let db: Database;
export let driver: DriverName = 'pglite';
let current: OpenDatabase | undefined;

export function useDatabase(opened: OpenDatabase): void {
	db = opened.db;
	driver = opened.driver;
	current = opened;
}

/** The database `useDatabase` set (tests that wrap it and put it back). */
export function databaseInUse(): OpenDatabase {
	if (!current) throw new Error('no database in use');
	return current;
}

export async function openDatabase(options: OpenOptions = {}): Promise<OpenDatabase> {
	if (options.url) return openPostgres(options.url, options);
	return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<OpenDatabase> {
	const dataDir = options.dataDir ?? path.resolve(process.env.DATA_DIR ?? 'data');
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create({
		dataDir: options.loadDataDir ? undefined : dataDir,
		loadDataDir: options.loadDataDir,
		extensions: { btree_gist }
	});
	const db = drizzlePglite({ client, schema, casing: 'snake_case' });
	if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
	const limits = { ...config.database, ...options.limits };
	return {
		db: db as unknown as Database,
		driver: 'pglite',
		pglite: client,
		ping: () => withDeadline(limits.healthTimeoutMs, () => timed(() => client.query('select 1'))),
		close: () => client.close()
	};
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenDatabase> {
	if (options.migrate !== false) await migratePostgresLocked(url);
	survivePostgresJsStrayRejections();
	const limits = { ...config.database, ...options.limits };
	const client = postgres(url, {
		max: options.maxConnections ?? limits.poolSize,
		connect_timeout: limits.connectTimeoutSeconds,
		backoff: reconnectBackoffSeconds,
		onnotice: () => {},
		connection: { application_name: 'center-booking', ...sessionBounds(limits) }
	});
	// Fails fast with the driver's error when the server cannot be reached.
	await client`select 1`;
	const db = drizzlePostgres({ client: withoutStaleErrors(client), schema, casing: 'snake_case' });
	const health = healthClient(url, limits);
	return {
		db: db as unknown as Database,
		driver: 'postgres',
		ping: health.ping,
		close: async () => {
			await Promise.all([client.end({ timeout: 5 }), health.close()]);
		}
	};
}

/**
 * Server-side bounds for every session of the pool: no statement runs, waits for a lock or sits
 * idle inside a transaction without end. Both errors (57014, 55P03) become 503 (./unavailable.ts).
 */
function sessionBounds(limits: DatabaseLimits) {
	return {
		statement_timeout: limits.statementTimeoutMs,
		lock_timeout: limits.lockTimeoutMs,
		idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs
	};
}

/**
 * postgres.js waits up to 20 s between reconnects (counted across the whole pool) by default;
 * a short, jittered back-off capped at one second lets the app recover right after the server.
 */
export function reconnectBackoffSeconds(retries: number): number {
	return Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2);
}

/**
 * The health check's own connection (max 1), so it never waits behind the pool's queue. A check
 * that misses its deadline drops the connection: a hung socket must not keep it red afterwards.
 */
function healthClient(url: string, limits: DatabaseLimits): { ping(): Promise<number>; close(): Promise<void> } {
	let client: postgres.Sql | undefined;
	const open = () =>
		(client ??= postgres(url, {
			max: 1,
			connect_timeout: Math.max(1, Math.ceil(limits.healthTimeoutMs / 1000)),
			backoff: reconnectBackoffSeconds,
			idle_timeout: 60,
			onnotice: () => {},
			connection: {
				application_name: 'center-booking-health',
				statement_timeout: limits.healthTimeoutMs,
				lock_timeout: limits.healthTimeoutMs
			}
		}));
	const drop = () => {
		const dropped = client;
		client = undefined;
		return dropped ? dropped.end({ timeout: 0 }).catch(() => {}) : Promise.resolve();
	};
	return {
		async ping() {
			try {
				// Retried once: postgres.js 3.4.9 can fail the first query of a new connection with
				// the error of a killed backend (./unavailable.ts › retryReadOnce).
				return await withDeadline(limits.healthTimeoutMs, () => timed(() => retryReadOnce(() => open()`select 1`)));
			} catch (error) {
				void drop();
				throw error;
			}
		},
		close: drop
	};
}

export class DeadlineExceeded extends Error {
	readonly code = 'CONNECT_TIMEOUT';
	constructor(ms: number) {
		super(`no answer within ${ms} ms`);
		this.name = 'DeadlineExceeded';
	}
}

/** `work()`, or a DeadlineExceeded after `ms` (the work itself is left to its own timeouts). */
function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
	});
	return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
	const startedAt = performance.now();
	await work();
	return Math.round(performance.now() - startedAt);
}

/** Several app processes may start at once against one server: only one migrates at a time. */
async function migratePostgresLocked(url: string): Promise<void> {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
		try {
			await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
		} finally {
			await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
		}
	} finally {
		await client.end({ timeout: 5 });
	}
}

/** One line a person can act on, for a database that cannot be reached or opened. */
export function describeConnectionError(error: unknown, url: string | undefined): string {
	const where = url ? redactUrl(url) : `PGlite in ${path.resolve(process.env.DATA_DIR ?? 'data')}`;
	const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
	const code = (error as { code?: string })?.code;
	return `Cannot open the database (${where}): ${code ? `${code} ` : ''}${cause}`;
}

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'DATABASE_URL (unparsable)';
	}
}

export { schema };

/** One trivial query for the health check, on its own connection, under its own short deadline. */
export async function ping(): Promise<number> {
	if (!current) throw new Error('no database in use');
	return current.ping();
}

const preparedByDatabase = new WeakMap<Database, Map<string, unknown>>();

/**
 * A hot query built once per database: drizzle builds the SQL only the first time, later calls
 * just bind parameters (and the drivers keep the statement prepared per connection). `build` gets
 * the database to prepare on; pass values through `sql.placeholder` (instants as ISO text: no
 * driver-side Date mapping happens for placeholders). A prepared query always runs on the root
 * database, never inside a transaction: use it only where no executor is passed in.
 */
export function prepared<Query>(name: string, build: (on: Database) => Query): Query {
	let cache = preparedByDatabase.get(db);
	if (!cache) preparedByDatabase.set(db, (cache = new Map()));
	let query = cache.get(name) as Query | undefined;
	if (!query) cache.set(name, (query = build(db)));
	return query;
}
