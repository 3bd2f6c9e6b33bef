import { say } from '$lib/server/i18n';
import type { ImportPreview } from '$lib/server/org/school-import';

/** The preview as the page shows it: each problem already in the reader's language. */
export function previewView(preview: ImportPreview) {
	return {
		ok: preview.ok,
		fileError: preview.fileError ? say(preview.fileError.messageKey, preview.fileError.params) : null,
		counts: preview.counts,
		rows: preview.rows.map((row) => ({
			line: row.line,
			action: row.action,
			nameKo: row.input.nameKo,
			nameEn: row.input.nameEn,
			level: row.values?.level ?? row.input.level,
			code: row.input.code,
			changed: row.changed,
			errors: row.errors.map((v) => ({ field: v.rule, message: say(v.messageKey, v.params) }))
		}))
	};
}

export type PreviewView = ReturnType<typeof previewView>;
