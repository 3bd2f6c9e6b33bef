import { getLocale } from '$lib/paraglide/runtime';
import { api, localName } from '$lib/server/http/api';
import { catalog } from '$lib/server/consultations/store';
import type { RequestHandler } from './$types';

/** The departments with their topics and consultants; public, like the rooms. */
export const GET: RequestHandler = (event) =>
	api(event, async () => {
		const locale = getLocale();
		const departments = await catalog();
		return {
			body: {
				departments: departments.map(({ department: d, topics, consultants }) => ({
					id: d.id,
					code: d.code,
					name: localName(locale, d),
					names: { ko: d.nameKo, en: d.nameEn },
					topics: topics.map((t) => ({
						id: t.id,
						name: localName(locale, t),
						names: { ko: t.nameKo, en: t.nameEn },
						description: locale === 'en' ? t.descriptionEn : t.descriptionKo,
						durationMinutes: t.durationMinutes,
						bufferMinutes: t.bufferMinutes,
						modes: t.modes,
						leadTimeMinutes: t.leadTimeMinutes,
						horizonDays: t.horizonDays,
						cancelCutoffMinutes: t.cancelCutoffMinutes,
						openLimitPerSchool: t.openLimitPerSchool,
						requiresConfirmation: t.requiresConfirmation
					})),
					consultants: consultants.map((c) => ({ id: c.id, name: c.name, title: locale === 'en' ? c.titleEn : c.titleKo }))
				}))
			}
		};
	});
