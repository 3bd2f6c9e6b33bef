import * as years from '@hyunbinseo/holidays-kr/all';

const all: Record<string, unknown> = Object.assign({}, ...Object.values(years));
export const isHoliday = (date: string) => date in all;
