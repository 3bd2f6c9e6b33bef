import { expect, openContext, t, test } from '../fixtures';
import { FACILITY } from './helpers';

test('room rules: every mistake shown at once next to its field with the values kept, then a clean save', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/facility/rooms');
	await page.getByRole('link', { name: t('en', 'facility_edit_named', { room: 'Computer Training Room' }) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'facility_room_edit_title', { room: 'Computer Training Room' }));

	const rules = page.locator('form[action="?/rules"]');
	// Durations are hours and minutes side by side, said in words beneath ("1 hour"), stored as minutes.
	const duration = (key: string) => {
		const group = rules.getByRole('group', { name: t('en', key), exact: true });
		return { group, hours: group.getByLabel(t('en', 'rpol_unit_hours')), minutes: group.getByLabel(t('en', 'rpol_unit_minutes')) };
	};
	const min = duration('facility_min_length');
	const max = duration('facility_max_length');
	const lead = duration('facility_lead_time');
	const horizon = rules.getByLabel(t('en', 'facility_horizon'));
	await expect(min.hours).toHaveValue('1');
	await expect(min.minutes).toHaveValue('0');
	await expect(min.group).toContainText('= 1 hour');
	await expect(max.group).toContainText('= 8 hours');
	await min.hours.fill('0');
	await min.minutes.fill('45');
	await expect(min.group).toContainText('= 45 minutes');
	await max.hours.fill('');
	await max.minutes.fill('30');
	await lead.hours.fill('1.5');
	await horizon.fill('0');
	await rules.getByRole('button', { name: t('en', 'facility_rules_submit') }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('en', 'form_has_errors', { count: 4 }) })).toBeVisible();
	await expect(rules.getByText(t('en', 'facility_length_off_grid', { stepMinutes: '30 minutes' }), { exact: true })).toHaveCount(1);
	await expect(rules.getByText(t('en', 'facility_max_below_min', { shortestMinutes: '45 minutes' }), { exact: true })).toBeVisible();
	await expect(rules.getByText(t('en', 'rpol_duration_invalid'), { exact: true })).toBeVisible();
	await expect(rules.getByText(t('en', 'field_number_range', { min: 1, max: 730 }), { exact: true })).toBeVisible();
	// What was typed comes back as typed, marked.
	await expect(min.hours).toHaveValue('0');
	await expect(min.minutes).toHaveValue('45');
	await expect(lead.hours).toHaveValue('1.5');
	await expect(min.hours).toHaveAttribute('aria-invalid', 'true');
	// The summary's link goes to the field's first input.
	await expect(page.getByRole('alert').getByRole('link').first()).toHaveAttribute('href', '#field-minLength');

	await min.hours.fill('1');
	await min.minutes.fill('0');
	await max.hours.fill('8');
	await max.minutes.fill('0');
	await lead.hours.fill('1');
	await horizon.fill('90');
	await rules.getByRole('button', { name: t('en', 'facility_rules_submit') }).click();
	await expect(page.locator('.alert-success')).toHaveText(t('en', 'facility_rules_saved'));
	await expect(min.hours).toHaveValue('1');

	// Own hours with no open day are refused; the center's hours are accepted.
	const hours = page.locator('form[action="?/hours"]');
	await hours.getByLabel(t('en', 'facility_hours_own_choice')).check();
	for (const box of await hours.getByRole('checkbox').all()) await box.uncheck();
	await hours.getByRole('button', { name: t('en', 'facility_hours_submit') }).click();
	await expect(hours.getByText(t('en', 'facility_hours_none_open'))).toBeVisible();
	await hours.getByLabel(t('en', 'facility_hours_use_center')).check();
	await hours.getByRole('button', { name: t('en', 'facility_hours_submit') }).click();
	await expect(page.locator('.alert-success')).toHaveText(t('en', 'facility_hours_saved'));
	await context.close();
});

test('room rules in Korean: a duration out of range is refused with its bounds said as durations, what was typed kept', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/facility/rooms');
	await page.getByRole('link', { name: t('ko', 'facility_edit_named', { room: '전산교육실' }) }).click();
	const rules = page.locator('form[action="?/rules"]');
	const group = (key: string) => rules.getByRole('group', { name: t('ko', key), exact: true });
	const buffer = group('facility_buffer_after');
	await buffer.getByLabel(t('ko', 'rpol_unit_hours')).fill('1');
	await buffer.getByLabel(t('ko', 'rpol_unit_minutes')).fill('30');
	await expect(buffer).toContainText('= 1시간 30분');
	await group('facility_max_length').getByLabel(t('ko', 'rpol_unit_hours')).fill('25');
	await expect(group('facility_quota')).toContainText(t('ko', 'rpol_no_limit'));
	await rules.getByRole('button', { name: t('ko', 'facility_rules_submit') }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('ko', 'form_has_errors', { count: 1 }) })).toBeVisible();
	await expect(rules.getByText(t('ko', 'rpol_duration_range', { fromMinutes: '5분', toMinutes: '1일' }), { exact: true })).toBeVisible();
	await expect(group('facility_max_length').getByLabel(t('ko', 'rpol_unit_hours'))).toHaveValue('25');
	await expect(buffer.getByLabel(t('ko', 'rpol_unit_minutes'))).toHaveValue('30');
	await context.close();
});

test('add a room: every mistake at once with the values kept, then the room page with its default rules', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/facility/rooms');
	await page.getByRole('link', { name: t('ko', 'facility_room_new') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'facility_room_new'));

	const code = page.getByLabel(t('ko', 'facility_code'));
	await code.fill('Meeting C');
	await page.getByLabel(t('ko', 'facility_name_ko')).fill('소회의실 3');
	const whiteboard = page.getByLabel(t('ko', 'equipment_whiteboard'), { exact: true });
	await whiteboard.check();
	await page.getByRole('button', { name: t('ko', 'facility_room_create_submit') }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('ko', 'form_has_errors', { count: 3 }) })).toBeVisible();
	await expect(page.getByText(t('ko', 'facility_code_invalid', { max: 40 }), { exact: true })).toBeVisible();
	await expect(code).toHaveValue('Meeting C');
	await expect(code).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(t('ko', 'facility_name_ko'))).toHaveValue('소회의실 3');
	await expect(whiteboard).toBeChecked();

	// Kept out of use, so the public catalogue and board other tests count stay as they are.
	const unique = `e2e-room-${Date.now()}`;
	await code.fill(unique);
	await page.getByLabel(t('ko', 'facility_name_en')).fill('Small Meeting Room 3');
	await page.getByLabel(t('ko', 'facility_capacity')).fill('8');
	await page.getByLabel(t('ko', 'facility_active')).uncheck();
	await page.getByRole('button', { name: t('ko', 'facility_room_create_submit') }).click();
	await expect(page).toHaveURL(/\/facility\/rooms\/[0-9a-f-]{36}\?created/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'facility_room_edit_title', { room: '소회의실 3' }));
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'facility_room_created') })).toBeVisible();
	const longest = page.getByRole('group', { name: t('ko', 'facility_max_length'), exact: true });
	await expect(longest.getByLabel(t('ko', 'rpol_unit_hours'))).toHaveValue('8');
	await expect(longest.getByLabel(t('ko', 'rpol_unit_minutes'))).toHaveValue('0');
	await expect(longest).toContainText('= 8시간');

	// The same code again is refused by name.
	await page.goto('/facility/rooms/new');
	await page.getByLabel(t('ko', 'facility_code')).fill(unique);
	await page.getByLabel(t('ko', 'facility_name_ko')).fill('다른 방');
	await page.getByLabel(t('ko', 'facility_name_en')).fill('Another room');
	await page.getByLabel(t('ko', 'facility_capacity')).fill('4');
	await page.getByRole('button', { name: t('ko', 'facility_room_create_submit') }).click();
	await expect(page.getByText(t('ko', 'facility_code_taken', { code: unique }), { exact: true })).toBeVisible();
	await context.close();
});
