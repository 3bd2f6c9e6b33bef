import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInput } from './issues';
import { parseVisitForm, visitRequestInput, VISIT_MAX_PREFERRED_DATES } from './visits';

const valid = {
	organization: '전라남도교육청 학생생활과',
	organizationKind: 'office',
	region: 'jeonnam',
	contactName: '김담당',
	email: 'Tour@JNE.go.kr',
	phone: '061-260-0000',
	groupSize: 12,
	preferredDates: [{ date: '2027-03-10', period: 'am' }],
	departments: ['education', 'mediation'],
	topicIds: [],
	purpose: '학생맞춤통합지원 운영 사례를 배우고자 합니다.',
	accessibilityNeeds: '',
	consent: true
};

const rulesOf = (raw: unknown) => {
	const parsed = parseInput(visitRequestInput, raw);
	return parsed.ok ? [] : parsed.problems.map((p) => `${p.rule}:${p.messageKey}`);
};

describe('the visit request', () => {
	it('accepts a whole request, the e-mail in lower case', () => {
		const parsed = parseInput(visitRequestInput, valid);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.value.email).toBe('tour@jne.go.kr');
	});

	it.each([
		['organization', '', 'organization:field_required'],
		['organization', 'x'.repeat(101), 'organization:field_too_long'],
		['organizationKind', 'ministry', 'organizationKind:visit_kind_invalid'],
		['region', 'tokyo', 'region:visit_region_invalid'],
		['contactName', '  ', 'contactName:field_required'],
		['email', 'tour-at-jne', 'email:visit_email_invalid'],
		['phone', '전화', 'phone:visit_phone_invalid'],
		['groupSize', 0, 'groupSize:visit_group_size_invalid'],
		['groupSize', 201, 'groupSize:visit_group_size_invalid'],
		['groupSize', '12', 'groupSize:visit_group_size_invalid'],
		['preferredDates', [], 'preferredDates:visit_dates_required'],
		['preferredDates', [{ date: '2027-02-30', period: 'am' }], 'preferredDates:visit_date_invalid'],
		['preferredDates', [{ date: '2027-03-10', period: 'night' }], 'preferredDates:visit_period_invalid'],
		['preferredDates', [{ date: '2027-03-10', period: 'am' }, { date: '2027-03-10', period: 'am' }], 'preferredDates:visit_dates_repeated'],
		['departments', ['sales'], 'departments:visit_department_invalid'],
		['topicIds', ['not-a-uuid'], 'topicIds:visit_topic_invalid'],
		['purpose', '', 'purpose:field_required'],
		['purpose', 'a\u0000b', 'purpose:input_control_characters'],
		['consent', false, 'consent:visit_consent_required'],
		['consent', 'yes', 'consent:visit_consent_required']
	])('refuses %s = %j', (field, value, expected) => {
		expect(rulesOf({ ...valid, [field]: value })).toContain(expected);
	});

	it('refuses more than three preferred dates', () => {
		const dates = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11'].map((date) => ({ date, period: 'pm' }));
		expect(dates.length).toBeGreaterThan(VISIT_MAX_PREFERRED_DATES);
		expect(rulesOf({ ...valid, preferredDates: dates })).toContain('preferredDates:visit_dates_too_many');
	});

	it('lists every problem at once, and a missing consent among them', () => {
		const rules = rulesOf({ groupSize: 3 });
		for (const field of ['organization', 'organizationKind', 'region', 'contactName', 'email', 'phone', 'preferredDates', 'purpose', 'consent'])
			expect(rules.some((r) => r.startsWith(`${field}:`)), field).toBe(true);
	});

	it('never throws, whatever the body', () => {
		fc.assert(
			fc.property(fc.anything(), (raw) => {
				const parsed = parseInput(visitRequestInput, raw);
				expect(typeof parsed.ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
	});
});

function form(fields: Record<string, string | string[]>) {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	return data;
}

const validForm = {
	organization: '목포하당초등학교',
	organizationKind: 'school',
	region: 'jeonnam',
	contactName: '이선생',
	email: 'teacher@hadang.es.kr',
	phone: '061-000-0000',
	groupSize: '8',
	date1: '2027-03-10',
	period1: 'pm',
	date2: '',
	period2: 'am',
	departments: ['education'],
	purpose: '방문 목적',
	consent: 'on'
};

describe('the request form', () => {
	it('maps its flat fields to the request (the empty second date left out)', () => {
		const parsed = parseVisitForm(form(validForm));
		expect(parsed.ok).toBe(true);
		if (parsed.ok) {
			expect(parsed.value.preferredDates).toEqual([{ date: '2027-03-10', period: 'pm' }]);
			expect(parsed.value.groupSize).toBe(8);
			expect(parsed.value.departments).toEqual(['education']);
		}
	});

	it("puts a date's problem on its own field, and the consent's on the checkbox", () => {
		const parsed = parseVisitForm(form({ ...validForm, date2: '2027-13-01', period3: 'dusk', date3: '2027-03-12', consent: [] as unknown as string, groupSize: 'twelve' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			const rules = parsed.problems.map((p) => p.rule);
			expect(rules).toEqual(expect.arrayContaining(['date2', 'period3', 'consent', 'groupSize']));
			expect(rules).not.toContain('preferredDates');
		}
	});

	it('asks for the first date when none is given', () => {
		const parsed = parseVisitForm(form({ ...validForm, date1: '' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems.map((p) => `${p.rule}:${p.messageKey}`)).toContain('date1:visit_date_invalid');
	});
});

describe('an empty contact field', () => {
	it('says only that it is required', () => {
		const rules = rulesOf({ ...valid, email: '', phone: '' });
		expect(rules.filter((r) => r.startsWith('email:'))).toEqual(['email:field_required']);
		expect(rules.filter((r) => r.startsWith('phone:'))).toEqual(['phone:field_required']);
	});
});

describe('the itinerary form', () => {
	it('leaves out blank and removed rows, and puts each problem on the field of its row as shown again', async () => {
		const { itineraryFromForm, parseItineraryRows } = await import('./visits');
		const form = new FormData();
		const row = (i: number, values: Record<string, string>) => Object.entries(values).forEach(([k, v]) => form.append(`s${i}-${k}`, v));
		row(0, { kind: 'briefing', title: '환영', start: '10:00', end: '10:30' });
		row(1, { kind: 'session', title: '빠질 순서', start: '10:30', end: '11:00', remove: 'on' });
		row(2, { kind: 'session', title: '', start: '', end: '' });
		row(3, { kind: 'qa', title: '질의응답', start: '11:00', end: '10:40' });
		const typed = itineraryFromForm(form, 4);
		expect(typed.map((s) => s.title)).toEqual(['환영', '질의응답']);
		const parsed = parseItineraryRows(typed);
		expect(parsed.ok ? [] : parsed.problems.map((p) => [p.rule, p.messageKey])).toEqual([['s1-end', 'visit_segment_order']]);
	});
});
