import { requirePermission } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** A file to start from, with the Korean headers; UTF-8 with BOM so Excel opens the Hangul right. */
const SAMPLE = [
	'학교명,영문명,학교급,지역,학교코드,전화번호',
	'세종새롬초등학교,Saerom Elementary School,초등학교,세종,7751032,044-123-4567',
	'세종새롬중학교,Saerom Middle School,중학교,세종,7751033,044-123-4568',
	'세종새롬고등학교,"Saerom High School, Sejong",고,세종,,'
].join('\r\n');

export const GET: RequestHandler = (event) => {
	requirePermission(event, 'org.manage');
	return new Response(`\uFEFF${SAMPLE}\r\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="schools-sample.csv"; filename*=UTF-8''${encodeURIComponent('학교-가져오기-예시.csv')}`,
			'cache-control': 'no-store'
		}
	});
};
