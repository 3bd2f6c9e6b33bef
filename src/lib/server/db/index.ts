import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as schema from './schema';

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
	migrate?: boolean;
}

export interface OpenDatabase {
	db: Database;
	driver: DriverName;
	/** The PGlite instance when the driver is pglite (for dumps in tests). */
	pglite?: PGlite;
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

export function useDatabase(opened: OpenDatabase): void {
	db = opened.db;
	driver = opened.driver;
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
	return {
		db: db as unknown as Database,
		driver: 'pglite',
		pglite: client,
		close: () => client.close()
	};
}

async function openPostgres(url: string, options: OpenOptions): Promise<OpenDatabase> {
	if (options.migrate !== false) await migratePostgresLocked(url);
	const client = postgres(url, {
		max: options.maxConnections ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
		onnotice: () => {},
		connection: { application_name: 'center-booking' }
	});
	// Fails fast with the driver's error when the server cannot be reached.
	await client`select 1`;
	const db = drizzlePostgres({ client, schema, casing: 'snake_case' });
	return {
		db: db as unknown as Database,
		driver: 'postgres',
		close: () => client.end({ timeout: 5 })
	};
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

/** One round trip to the database, for the health check; resolves with the time it took. */
export async function ping(): Promise<number> {
	const startedAt = performance.now();
	await db.execute(sql`select 1`);
	return Math.round(performance.now() - startedAt);
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
