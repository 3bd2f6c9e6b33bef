import { describe, expect, it } from 'vitest';
import { rulesAsInput } from './forms';
import { toHoursRows, toRoomValues, toRuleValues } from './rows';
import { details, hm, own, rules } from './test-fixtures';

describe('toRuleValues', () => {
	it('turns hours and minutes into the minutes the rules store, and back', () => {
		const values = toRuleValues(rules({ leadTime: hm('72', ''), monthlyQuota: hm('16', '0'), cancelCutoff: hm('', '30'), minLength: hm('1', '30') }));
		expect(values).toMatchObject({ leadTimeMinutes: 4320, monthlyQuotaMinutes: 960, cancelCutoffMinutes: 30, minMinutes: 90, horizonDays: 90 });
		expect(rulesAsInput(values)).toMatchObject({
			leadTime: hm('72', '0'),
			monthlyQuota: hm('16', '0'),
			cancelCutoff: hm('0', '30'),
			minLength: hm('1', '30'),
			maxLength: hm('8', '0')
		});
		expect(toRuleValues(rules({ monthlyQuota: hm(' ', '') })).monthlyQuotaMinutes).toBeNull();
		expect(rulesAsInput({ ...values, monthlyQuotaMinutes: null }).monthlyQuota).toEqual(hm('', ''));
	});
});

describe('toRoomValues', () => {
	it('trims the location, office and phone, and keeps a fee note only for a charged room', () => {
		const charged = details({ locationKo: ' 본관 1층 ', freeOfCharge: false, feeNoteKo: ' 1시간 30,000원 ', feeNoteEn: '₩30,000/h', officePhone: ' 044-320-3012 ' });
		expect(toRoomValues(charged)).toMatchObject({ locationKo: '본관 1층', freeOfCharge: false, feeNoteKo: '1시간 30,000원', officePhone: '044-320-3012' });
		expect(toRoomValues({ ...charged, freeOfCharge: true })).toMatchObject({ freeOfCharge: true, feeNoteKo: '', feeNoteEn: '' });
	});
});

describe('toHoursRows', () => {
	it('turns the table into rows, closing at midnight (24:00) as minute 1440', () => {
		const input = own([{ opens: '08:30', closes: '24:00' }, { open: false }]);
		expect(toHoursRows(input)).toEqual([{ weekday: 1, opensMinute: 510, closesMinute: 1440 }]);
	});
});
