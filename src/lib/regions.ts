/**
 * The 17 metropolitan and provincial offices of education (시·도 교육청), in the order the Ministry
 * lists them: a fixed table, the same for visits and trainings. `code` is stable and stored.
 */
export const REGIONS = [
	{ code: 'seoul', ko: '서울', en: 'Seoul', officeKo: '서울특별시교육청', officeEn: 'Seoul Metropolitan Office of Education' },
	{ code: 'busan', ko: '부산', en: 'Busan', officeKo: '부산광역시교육청', officeEn: 'Busan Metropolitan City Office of Education' },
	{ code: 'daegu', ko: '대구', en: 'Daegu', officeKo: '대구광역시교육청', officeEn: 'Daegu Metropolitan City Office of Education' },
	{ code: 'incheon', ko: '인천', en: 'Incheon', officeKo: '인천광역시교육청', officeEn: 'Incheon Metropolitan City Office of Education' },
	{ code: 'gwangju', ko: '광주', en: 'Gwangju', officeKo: '광주광역시교육청', officeEn: 'Gwangju Metropolitan Office of Education' },
	{ code: 'daejeon', ko: '대전', en: 'Daejeon', officeKo: '대전광역시교육청', officeEn: 'Daejeon Metropolitan Office of Education' },
	{ code: 'ulsan', ko: '울산', en: 'Ulsan', officeKo: '울산광역시교육청', officeEn: 'Ulsan Metropolitan Office of Education' },
	{ code: 'sejong', ko: '세종', en: 'Sejong', officeKo: '세종특별자치시교육청', officeEn: 'Sejong Metropolitan Office of Education' },
	{ code: 'gyeonggi', ko: '경기', en: 'Gyeonggi', officeKo: '경기도교육청', officeEn: 'Gyeonggi Provincial Office of Education' },
	{ code: 'gangwon', ko: '강원', en: 'Gangwon', officeKo: '강원특별자치도교육청', officeEn: 'Gangwon State Office of Education' },
	{ code: 'chungbuk', ko: '충북', en: 'Chungbuk', officeKo: '충청북도교육청', officeEn: 'Chungcheongbuk-do Office of Education' },
	{ code: 'chungnam', ko: '충남', en: 'Chungnam', officeKo: '충청남도교육청', officeEn: 'Chungcheongnam-do Office of Education' },
	{ code: 'jeonbuk', ko: '전북', en: 'Jeonbuk', officeKo: '전북특별자치도교육청', officeEn: 'Jeonbuk State Office of Education' },
	{ code: 'jeonnam', ko: '전남', en: 'Jeonnam', officeKo: '전라남도교육청', officeEn: 'Jeollanam-do Office of Education' },
	{ code: 'gyeongbuk', ko: '경북', en: 'Gyeongbuk', officeKo: '경상북도교육청', officeEn: 'Gyeongsangbuk-do Office of Education' },
	{ code: 'gyeongnam', ko: '경남', en: 'Gyeongnam', officeKo: '경상남도교육청', officeEn: 'Gyeongsangnam-do Office of Education' },
	{ code: 'jeju', ko: '제주', en: 'Jeju', officeKo: '제주특별자치도교육청', officeEn: 'Jeju Special Self-Governing Provincial Office of Education' }
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];
export const REGION_CODES = REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]];

export const regionOf = (code: string) => REGIONS.find((r) => r.code === code) ?? null;
