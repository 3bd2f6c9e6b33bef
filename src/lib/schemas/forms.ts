/**
 * One schema per form action: the fields it reads, as typed (strings, lists, checkboxes), with
 * what no form may carry refused at parsing (control characters such as NUL, several values for
 * one field, files, absurd lengths). The services then judge the values (required, ranges,
 * known choices) and answer field errors the same way. The booking form's schema is
 * reservations.ts' bookingRequest, reached through booking-form.ts.
 */
import * as z from 'zod';
import { formCheckbox, formFile, formList, formText, oneOf } from './primitives';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from './session';
import { REASON_MAX_LENGTH } from './reservations';

/** A short one-line field: names, codes, numbers as typed, times, ids. */
const line = (max = 200) => formText({ max });
const id = () => formText({ max: 64 });
/** Passwords are taken as typed (spaces kept: the service judges them), up to a sane length. */
const passwordField = () => formText({ max: PASSWORD_MAX_LENGTH });

export const signInForm = z.object({ email: line(EMAIL_MAX_LENGTH), password: passwordField() });

export const passwordChangeForm = z.object({ currentPassword: passwordField(), newPassword: passwordField(), confirm: passwordField() });
/** Accepting an invitation: the first password and the required 개인정보 수집·이용 동의. */
export const invitationForm = z.object({ password: passwordField(), confirm: passwordField(), consent: formCheckbox() });
export const passwordResetRequestForm = z.object({ email: line(EMAIL_MAX_LENGTH) });
export const passwordResetForm = z.object({ password: passwordField(), confirm: passwordField() });

export const userForm = z.object({
	email: line(EMAIL_MAX_LENGTH),
	name: line(100),
	role: line(40),
	departmentId: id(),
	schoolId: id()
});
export const roleForm = userForm.pick({ role: true, departmentId: true, schoolId: true });

export const roomDetailsForm = z.object({
	nameKo: line(100),
	nameEn: line(100),
	floor: line(10),
	capacity: line(10),
	equipment: formList(),
	accessibility: formList(),
	descriptionKo: formText({ max: 2000, multiline: true }),
	descriptionEn: formText({ max: 2000, multiline: true }),
	locationKo: line(200),
	locationEn: line(200),
	// Two radios, free or charged; absent reads as free (the column's default), so a post that
	// leaves it out never turns a room charged.
	freeOfCharge: oneOf(['free', 'charged']).optional().transform((value) => value !== 'charged'),
	feeNoteKo: line(500),
	feeNoteEn: line(500),
	officeNameKo: line(100),
	officeNameEn: line(100),
	officePhone: line(20),
	active: formCheckbox()
});
export const newRoomForm = roomDetailsForm.extend({ code: line(40) });

/** A room photo (multipart): the file and its alt text in both languages. */
const PHOTO_ALT_MAX = 200;
export const roomPhotoForm = z.object({ photo: formFile(), altKo: line(PHOTO_ALT_MAX), altEn: line(PHOTO_ALT_MAX) });
export const roomPhotoAltForm = z.object({ photoId: id(), altKo: line(PHOTO_ALT_MAX), altEn: line(PHOTO_ALT_MAX) });
export const roomPhotoDeleteForm = z.object({ photoId: id() });
export const roomPhotoMoveForm = z.object({ photoId: id(), direction: oneOf(['up', 'down']) });

/** Durations of the rules form, each typed as whole hours and minutes (`leadTime-hours`, `leadTime-minutes`). */
const RULE_DURATIONS = ['minLength', 'maxLength', 'leadTime', 'bufferBefore', 'bufferAfter', 'monthlyQuota', 'cancelCutoff'] as const;
export const roomRulesForm = z.object({
	granularityMinutes: line(10),
	...Object.fromEntries(RULE_DURATIONS.flatMap((name) => [[`${name}-hours`, line(10)], [`${name}-minutes`, line(10)]])),
	horizonDays: line(10),
	requiresApproval: formCheckbox(),
	allowedRoles: formList(),
	allowedSchoolIds: formList(),
	closedOnHolidays: formCheckbox()
});

/** 0 = Sunday … 6 = Saturday: the weekly hours form has open-N, opens-N and closes-N for each. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export const hoursForm = z.object({
	// Anything but the two radio values is no choice: never read as "use the center's hours".
	source: oneOf(['center', 'own']),
	...Object.fromEntries(
		WEEKDAYS.flatMap((d) => [
			[`open-${d}`, formCheckbox()],
			[`opens-${d}`, line(5)],
			[`closes-${d}`, line(5)]
		])
	)
}) as z.ZodObject<{ source: z.ZodEnum<{ center: 'center'; own: 'own' }> } & Record<string, z.ZodType<string | boolean>>>;

export const closureForm = z.object({
	roomId: id(),
	fromDate: line(10),
	fromTime: line(5),
	toDate: line(10),
	toTime: line(5),
	reason: formText({ max: 300, multiline: true }),
	allDay: formCheckbox(),
	repeat: line(10),
	repeatUntil: line(10),
	confirm: line(1),
	shown: formList({ max: 64, maxItems: 1000 }),
	cancel: formList({ max: 64, maxItems: 1000 })
});

/** Deleting a closure: the first submit asks for confirmation, the second (`confirm`) deletes; `scope` one or series. */
export const closureDeleteForm = z.object({ id: id(), scope: line(10), confirm: line(1) });

/** The room catalogue's filters (a GET form: /rooms?people=&equipment=&date=&from=&to=). */
export const roomFiltersForm = z.object({
	people: line(10),
	equipment: formList({ max: 40, maxItems: 20 }),
	date: line(10),
	from: line(5),
	to: line(5)
});

export const decisionForm = z.object({ id: id() });
export const rejectForm = z.object({ id: id(), reason: formText({ max: REASON_MAX_LENGTH, multiline: true }) });
export const cancelForm = z.object({ id: id(), scope: line(20) });

/**
 * The board's booking page: a move (new date, 24-hour times, room; `confirm` once the move was
 * shown, with where it was then: `fromStart`/`fromEnd` instants and `fromRoomId`), and a reason to cancel or reject.
 */
export const boardMoveForm = z.object({
	date: line(10),
	start: line(5),
	end: line(5),
	roomId: id(),
	confirm: line(1),
	fromStart: line(40),
	fromEnd: line(40),
	fromRoomId: id()
});
export const boardReasonForm = z.object({ reason: formText({ max: REASON_MAX_LENGTH, multiline: true }) });
