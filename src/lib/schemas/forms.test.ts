import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as forms from './forms';
import { parseInput } from './issues';

type FormSchema = z.ZodObject<Record<string, z.ZodType>>;
const schemas = Object.entries(forms as Record<string, unknown>).filter(
	(entry): entry is [string, FormSchema] => entry[1] instanceof z.ZodObject
);

/** What a form must carry besides text (a radio choice with no default). */
const REQUIRED_CHOICES: Record<string, Record<string, string>> = { hoursForm: { source: 'own' }, roomPhotoMoveForm: { direction: 'up' } };
const base = (schema: FormSchema) => REQUIRED_CHOICES[schemas.find(([, s]) => s === schema)![0]] ?? {};

/** Fields that take text (everything but lists, checkboxes and fixed choices). */
function textFields(schema: FormSchema): string[] {
	return Object.keys(schema.shape).filter((name) => {
		if (name in base(schema)) return false;
		const probe = parseInput(schema, { ...base(schema), [name]: 'plain' });
		return probe.ok && (probe.value as Record<string, unknown>)[name] === 'plain';
	});
}

describe('form schemas', () => {
	it('cover every form action that reads text', () => {
		expect(schemas.map(([name]) => name).sort()).toEqual(
			[
				'boardMoveForm',
				'boardReasonForm',
				'cancelForm',
				'closureDeleteForm',
				'closureForm',
				'decisionForm',
				'invitationForm',
				'newRoomForm',
				'passwordChangeForm',
				'passwordResetForm',
				'passwordResetRequestForm',
				'rejectForm',
				'roleForm',
				'roomFiltersForm',
				'hoursForm',
				'roomDetailsForm',
				'roomPhotoAltForm',
				'roomPhotoDeleteForm',
				'roomPhotoForm',
				'roomPhotoMoveForm',
				'roomRulesForm',
				'signInForm',
				'userForm'
			].sort()
		);
	});

	it.each(schemas)('%s: refuses a NUL byte in any text field with a field error on that field', (_, schema) => {
		for (const field of textFields(schema)) {
			const result = parseInput(schema, { ...base(schema), [field]: `a\u0000b` });
			expect(result.ok ? [] : result.problems).toEqual([{ rule: field, messageKey: 'input_control_characters' }]);
		}
	});

	it.each(schemas)('%s: reads a missing field as empty and keeps text as typed', (_, schema) => {
		const empty = parseInput(schema, base(schema));
		expect(empty.ok).toBe(true);
		for (const field of textFields(schema)) {
			const typed = parseInput(schema, { ...base(schema), [field]: '  한솔 \u{1F600} ' });
			expect(typed.ok && (typed.value as Record<string, unknown>)[field]).toBe('  한솔 \u{1F600} ');
		}
	});

	it.each(schemas)('%s: refuses several values or a file for a text field', (_, schema) => {
		for (const field of textFields(schema)) {
			expect(parseInput(schema, { ...base(schema), [field]: ['a', 'b'] }).ok).toBe(false);
			expect(parseInput(schema, { ...base(schema), [field]: new File(['x'], 'x.txt') }).ok).toBe(false);
		}
	});

	it.each(['', 'constructor', '__proto__', 'Own'])('refuses %j as the weekly hours source instead of reading it as "the center\'s hours"', (source) => {
		expect(parseInput(forms.hoursForm, { source }).ok).toBe(false);
		expect(parseInput(forms.hoursForm, { source: 'center' }).ok).toBe(true);
	});

	it('keeps line breaks in a closure reason, refuses them in a room name', () => {
		expect(parseInput(forms.closureForm, { reason: '보수 공사\r\n2층 전체' }).ok).toBe(true);
		expect(parseInput(forms.roomDetailsForm, { nameKo: '회의실\nA' }).ok).toBe(false);
	});

	it('reads a photo upload: the file (null when absent), refusing text or several files under its name', () => {
		const file = new File([new Uint8Array([1, 2, 3])], 'room.jpg', { type: 'image/jpeg' });
		const sent = parseInput(forms.roomPhotoForm, { photo: file, altKo: '회의실', altEn: 'Room' });
		expect(sent.ok && sent.value.photo).toBe(file);
		const none = parseInput(forms.roomPhotoForm, {});
		expect(none.ok && none.value).toEqual({ photo: null, altKo: '', altEn: '' });
		expect(parseInput(forms.roomPhotoForm, { photo: 'C:\\fakepath\\room.jpg' }).ok).toBe(false);
		expect(parseInput(forms.roomPhotoForm, { photo: [file, file] }).ok).toBe(false);
		expect(parseInput(forms.roomPhotoMoveForm, { photoId: 'x', direction: 'sideways' }).ok).toBe(false);
	});

	it('reads the fee radios: absent or "free" is free of charge, "charged" is not, anything else is refused', () => {
		const free = parseInput(forms.roomDetailsForm, {});
		expect(free.ok && free.value.freeOfCharge).toBe(true);
		const charged = parseInput(forms.roomDetailsForm, { freeOfCharge: 'charged' });
		expect(charged.ok && charged.value.freeOfCharge).toBe(false);
		expect(parseInput(forms.roomDetailsForm, { freeOfCharge: 'on' }).ok).toBe(false);
	});

	it('reads checkbox groups as lists and checkboxes as booleans', () => {
		const one = parseInput(forms.roomDetailsForm, { equipment: 'projector', active: 'on' });
		expect(one.ok && one.value).toMatchObject({ equipment: ['projector'], accessibility: [], active: true });
		const two = parseInput(forms.roomDetailsForm, { equipment: ['projector', 'pc'] });
		expect(two.ok && two.value).toMatchObject({ equipment: ['projector', 'pc'], active: false });
		expect(parseInput(forms.roomDetailsForm, { equipment: ['projector', 'x\u0000'] }).ok).toBe(false);
	});
});
