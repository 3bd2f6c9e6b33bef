import { error } from '@sveltejs/kit';
import { NotFoundError } from '../errors';

/** A page's record, or the 404 page when the service says it is not there (any other failure is thrown on). */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
	try {
		return await lookup;
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: 'not found' });
		throw e;
	}
}
