/** `npm run db:seed`: the demo center and accounts, on DATABASE_URL or the embedded database. */
import { describeConnectionError, openDatabase } from './index';
import { seedDemo } from './seed';

const url = process.env.DATABASE_URL || undefined;
try {
	const opened = await openDatabase({ url });
	await seedDemo(opened.db);
	await opened.close();
	console.log(`Seeded the demo center (${opened.driver}).`);
} catch (error) {
	console.error(describeConnectionError(error, url));
	process.exit(1);
}
