import type { School } from '$lib/server/db/schema';

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** A school's fields, as typed (kept when the form comes back with errors). */
export interface SchoolFieldValues {
	code: string;
	nameKo: string;
	nameEn: string;
	level: string;
	region: string;
	phone: string;
}

export const blankSchool = (): SchoolFieldValues => ({ code: '', nameKo: '', nameEn: '', level: '', region: '세종', phone: '' });

export const fieldsOf = (row: School): SchoolFieldValues => ({
	code: row.code ?? '',
	nameKo: row.nameKo,
	nameEn: row.nameEn,
	level: row.level,
	region: row.region,
	phone: row.phone ?? ''
});

/** The form's fields as typed, to show them again beside their errors. */
export function typedSchool(form: FormData): SchoolFieldValues {
	return {
		code: text(form, 'code'),
		nameKo: text(form, 'nameKo'),
		nameEn: text(form, 'nameEn'),
		level: text(form, 'level'),
		region: text(form, 'region'),
		phone: text(form, 'phone')
	};
}
