import { describe, expect, it } from 'vitest';
import { rulesAsInput } from './forms';
import { toHoursRows, toRuleValues } from './rows';
import { own, rules } from './test-fixtures';

describe('toRuleValues', () => {
	it('turns hours and days into the minutes the rules store, and back', () => {
		const values = toRuleValues(rules({ leadTimeHours: '72', monthlyQuotaHours: '16', cancelCutoffHours: '0.5' }));
		expect(values).toMatchObject({ leadTimeMinutes: 4320, monthlyQuotaMinutes: 960, cancelCutoffMinutes: 30, horizonDays: 90 });
		expect(rulesAsInput(values)).toMatchObject({ leadTimeHours: '72', monthlyQuotaHours: '16', cancelCutoffHours: '0.5' });
		expect(toRuleValues(rules({ monthlyQuotaHours: ' ' })).monthlyQuotaMinutes).toBeNull();
	});
});

describe('toHoursRows', () => {
	it('turns the table into rows, closing at midnight (24:00) as minute 1440', () => {
		const input = own([{ opens: '08:30', closes: '24:00' }, { open: false }]);
		expect(toHoursRows(input)).toEqual([{ weekday: 1, opensMinute: 510, closesMinute: 1440 }]);
	});
});
