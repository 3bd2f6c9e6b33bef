/** Per test file: a fresh database of its own, from the snapshot global-setup made. */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { openDatabase, useDatabase, type OpenDatabase } from '../../src/lib/server/db';
import { serverUrl } from './global-setup';

let opened: OpenDatabase | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
	if (process.env.TEST_DRIVER === 'postgres') {
		const baseUrl = process.env.TEST_DATABASE_URL!;
		const name = `center_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
		const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
		opened = await openDatabase({ url: serverUrl(baseUrl, name), migrate: false, maxConnections: 20 });
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	} else {
		const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
		opened = await openDatabase({ loadDataDir: dump, migrate: false });
	}
	useDatabase(opened);
});

afterEach(() => clock.reset());

afterAll(async () => {
	await opened?.close();
	await dropDatabase?.();
});
