import { fail, redirect } from '@sveltejs/kit';
import { SCHOOL_IMPORT_MAX_BYTES, SCHOOL_IMPORT_MAX_ROWS, schoolImportConfirmForm, schoolImportUploadForm } from '$lib/schemas/schools';
import { ValidationError } from '$lib/server/errors';
import { bodySizeLimit } from '$lib/server/http/body-limit';
import { requirePermission } from '$lib/server/guards';
import { ensureForm, failValidation } from '$lib/server/http/forms';
import { say } from '$lib/server/i18n';
import { decodeCsv } from '$lib/server/org/school-csv';
import * as schoolImport from '$lib/server/org/school-import';
import { previewView } from './preview-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePermission(event, 'org.manage');
	const done = event.url.searchParams.get('imported');
	const counts = done?.match(/^(\d+)\.(\d+)\.(\d+)$/);
	return {
		maxRows: SCHOOL_IMPORT_MAX_ROWS,
		// What the browser may send: the server answers a larger body 413 before this route sees it
		// (the form's other fields and multipart framing take a few kB of it).
		uploadMaxBytes: Math.min(SCHOOL_IMPORT_MAX_BYTES, bodySizeLimit() - 16 * 1024),
		/** The server's body limit, not the import's own 1 MB, is what a larger file meets. */
		serverLimited: bodySizeLimit() - 16 * 1024 < SCHOOL_IMPORT_MAX_BYTES,
		imported: counts ? { new: Number(counts[1]), changed: Number(counts[2]), unchanged: Number(counts[3]) } : null
	};
};

/** The body past adapter-node's BODY_SIZE_LIMIT: SvelteKit fails the stream with status 413. */
const tooLargeForServer = (e: unknown) => (e as { status?: number } | null)?.status === 413;

export const actions: Actions = {
	/**
	 * Step 1: the file is read and every row checked; nothing is stored. The page then carries
	 * the file's text in a hidden field, so the confirm step imports exactly what was shown
	 * (checked again) and no state waits on the server between the two steps.
	 */
	preview: async (event) => {
		const actor = requirePermission(event, 'org.manage');
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (e) {
			if (tooLargeForServer(e)) return fail(413, { errors: { file: [say('school_import_body_too_large')] } });
			throw e;
		}
		try {
			const { file } = ensureForm(schoolImportUploadForm, form);
			const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
			if (!decoded.ok) throw new ValidationError([decoded.error]);
			const preview = await schoolImport.preview(actor, decoded.text);
			const view = { preview: previewView(preview), csv: preview.ok ? decoded.text : '', errors: {} as Record<string, string[]> };
			return preview.ok ? view : fail(422, view);
		} catch (e) {
			return failValidation(e);
		}
	},
	/** Step 2: all rows or none, in one transaction. */
	confirm: async (event) => {
		const actor = requirePermission(event, 'org.manage');
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (e) {
			if (tooLargeForServer(e)) return fail(413, { errors: { file: [say('school_import_body_too_large')] } });
			throw e;
		}
		let counts: schoolImport.ImportPreview['counts'];
		try {
			const { csv } = ensureForm(schoolImportConfirmForm, form);
			const result = await schoolImport.importAll(actor, csv);
			if (!result.ok) return fail(422, { preview: previewView(result.preview), csv: '', errors: {} as Record<string, string[]> });
			counts = result.counts;
		} catch (e) {
			return failValidation(e);
		}
		redirect(303, `/admin/schools/import?imported=${counts.new}.${counts.changed}.${counts.unchanged}`);
	}
};
