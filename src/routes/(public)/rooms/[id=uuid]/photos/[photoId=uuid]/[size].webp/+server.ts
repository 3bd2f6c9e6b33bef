import { error } from '@sveltejs/kit';
import * as roomPhotos from '$lib/server/facility/rooms/photos';
import type { RequestHandler } from './$types';

/**
 * A room photo, large or thumb. A new upload gets a new photo id, so the bytes at one URL never
 * change: cached for a year, immutable, the content hash as ETag. A room out of use shows its
 * photos to room managers only, never cached.
 */
export const GET: RequestHandler = async ({ params, request, locals }) => {
	const image = await roomPhotos.image(locals.user, params.id, params.photoId, params.size);
	if (!image) error(404, { message: 'not found' });
	const headers = {
		'content-type': 'image/webp',
		'cache-control': image.public ? 'public, max-age=31536000, immutable' : 'private, no-store',
		etag: `"${image.contentHash}"`
	};
	if (request.headers.get('if-none-match') === headers.etag) return new Response(null, { status: 304, headers });
	return new Response(image.data as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-length': String(image.data.byteLength) } });
};
