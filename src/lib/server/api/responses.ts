/** What /api/v1 answers, described for the OpenAPI document (requests are in src/lib/schemas/). */
import * as z from 'zod';

const isoInstant = z.string().meta({ format: 'date-time' });
const id = z.string().meta({ format: 'uuid' });

export const problem = z
	.object({
		type: z.string().meta({ description: 'Stable URI reference, e.g. /api/v1/problems/validation' }),
		title: z.string().meta({ description: "Localized summary (Accept-Language: ko, en)" }),
		status: z.int(),
		detail: z.string().optional(),
		violations: z
			.array(z.object({ rule: z.string().meta({ description: 'The field or the booking rule' }), message: z.string() }))
			.optional()
			.meta({ description: 'Every problem at once (422)' })
	})
	.meta({ id: 'Problem' });

export const interval = z
	.object({
		start: isoInstant.meta({ description: 'Held from (set-up buffer included)' }),
		end: isoInstant.meta({ description: 'Held until (clean-up buffer included)' }),
		mine: z.boolean().optional().meta({ description: "Only on the caller's own bookings, with id, purpose, status" }),
		pending: z.boolean().optional().meta({ description: 'Awaiting approval (holds the time meanwhile)' }),
		id: id.optional(),
		purpose: z.string().optional(),
		status: z.string().optional(),
		bookingStart: isoInstant.meta({ description: "The booking's own start, without buffers" }),
		bookingEnd: isoInstant.meta({ description: "The booking's own end, without buffers" })
	})
	.meta({ id: 'Interval' });

export const room = z
	.object({
		id,
		name: z.string().meta({ description: "In the request's language" }),
		capacity: z.int(),
		floor: z.int(),
		equipment: z.array(z.string()),
		accessibility: z.array(z.string()),
		requiresApproval: z.boolean()
	})
	.meta({ id: 'Room' });

export const reservationStatus = z.enum(['requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show']);

const reservationBase = z.object({ id, roomId: id, start: isoInstant, end: isoInstant, status: reservationStatus });
export const reservation = reservationBase
	.extend({
		seriesId: id.nullable().optional(),
		created: z.array(reservationBase).optional().meta({ description: 'Series only' }),
		skipped: z
			.array(z.object({ start: isoInstant, end: isoInstant, state: z.enum(['conflict', 'invalid']) }))
			.optional()
			.meta({ description: 'Series only: occurrences not booked' })
	})
	.meta({ id: 'Reservation' });

/** A booking as its editor sees it (GET and PATCH /api/v1/reservations/{id}), with the version to send back. */
export const editableReservation = reservationBase
	.extend({
		purpose: z.string(),
		attendees: z.number().int(),
		seriesId: id.optional(),
		version: z.string().meta({ description: 'Send it back as `version` with the next PATCH: a booking changed meanwhile is refused with 409' })
	})
	.meta({ id: 'EditableReservation' });

export const session = z
	.object({
		user: z.object({
			id,
			email: z.string(),
			name: z.string(),
			role: z.enum(['admin', 'facility_manager', 'department_staff', 'visit_coordinator', 'school_user'])
		}),
		expiresAt: isoInstant,
		idleTimeoutSeconds: z.int().nullable()
	})
	.meta({ id: 'Session' });

export const signedIn = z.object({ userId: id, expiresAt: isoInstant });
export const rooms = z.object({ rooms: z.array(room) });
export const day = z.object({
	date: z.string().meta({ format: 'date' }),
	rooms: z.array(z.object({ id, name: z.string(), busy: z.array(interval) }))
});
export const roomRange = z.object({ roomId: id, from: isoInstant, to: isoInstant, busy: z.array(interval) });
export const preview = z.object({
	occurrences: z.array(
		z.object({
			start: isoInstant,
			end: isoInstant,
			state: z.enum(['free', 'conflict', 'invalid']),
			violations: z.array(z.object({ rule: z.string(), message: z.string() })),
			conflicts: z.array(z.object({ start: isoInstant, end: isoInstant }))
		})
	),
	repeat: z
		.object({
			description: z.string().meta({ description: 'The rule in the request’s language, e.g. “Monthly on the second Tuesday, 10 times”' }),
			skippedMonths: z.array(z.string().meta({ example: '2027-02' })).meta({ description: 'Months (YYYY-MM) a rule on the 29th–31st passes over' }),
			skippedNote: z.string().meta({ description: 'The same in a sentence, empty when none' })
		})
		.optional()
		.meta({ description: 'Series only: how it repeats' })
});
export const cancelled = z.object({ cancelled: z.array(id) });

const names = z.object({ ko: z.string(), en: z.string() }).meta({ description: 'The name in both languages' });
const consultationMode = z.enum(['visit', 'video', 'phone']);
export const departments = z.object({
	departments: z.array(
		z
			.object({
				id,
				code: z.enum(['education', 'administration', 'mediation', 'facility']).meta({ description: "The seed's stable code" }),
				name: z.string().meta({ description: "In the request's language" }),
				names,
				topics: z.array(
					z
						.object({
							id,
							name: z.string(),
							names,
							description: z.string(),
							durationMinutes: z.int(),
							bufferMinutes: z.int().meta({ description: 'Kept free after each consultation' }),
							modes: z.array(consultationMode),
							leadTimeMinutes: z.int().meta({ description: 'How long before its start a slot can still be booked' }),
							horizonDays: z.int().meta({ description: 'How many days ahead slots are offered' }),
							cancelCutoffMinutes: z.int().meta({ description: 'The school may cancel or reschedule until this long before the start' }),
							openLimitPerSchool: z.int().nullable().meta({ description: 'Open consultations a school may have with the department at once (null: no limit)' }),
							requiresConfirmation: z.boolean().meta({ description: 'A booking is a request until the department confirms it' })
						})
						.meta({ id: 'ConsultationTopic' })
				),
				consultants: z.array(z.object({ id, name: z.string(), title: z.string().meta({ description: "In the request's language" }) }))
			})
			.meta({ id: 'Department' })
	)
});

export const slots = z.object({
	departmentId: id,
	topicId: id,
	from: z.string().meta({ format: 'date' }),
	to: z.string().meta({ format: 'date' }),
	slots: z.array(
		z
			.object({
				start: isoInstant.meta({ example: '2027-01-05T14:00:00+09:00' }),
				end: isoInstant,
				consultants: z.int().meta({ description: 'How many consultants are free then' }),
				consultantIds: z.array(id).meta({ description: 'Who is free then (send one as consultantId to choose them)' })
			})
			.meta({ id: 'ConsultationSlot' })
	)
});

const consultationStatus = reservationStatus;
export const consultationCreated = z
	.object({
		id,
		reference: z.string().meta({ example: 'C-2027-0001' }),
		start: isoInstant,
		end: isoInstant,
		mode: consultationMode,
		status: consultationStatus.meta({ description: 'requested when the topic needs the department’s confirmation, else confirmed' }),
		roomId: id.optional().meta({ description: 'In person only: the consultation room held' })
	})
	.meta({ id: 'ConsultationCreated' });

const localNames = { nameKo: z.string(), nameEn: z.string() };
export const consultation = z
	.object({
		id,
		reference: z.string(),
		status: consultationStatus,
		start: isoInstant,
		end: isoInstant,
		mode: consultationMode,
		department: z.object({ id, code: z.string(), ...localNames }),
		topic: z.object({ id, ...localNames }),
		consultant: z.object({ id, name: z.string(), titleKo: z.string(), titleEn: z.string() }),
		room: z.object({ id, ...localNames }).nullable(),
		school: z.object({ id, ...localNames, phone: z.string().nullable() }).nullable(),
		booker: z.object({ name: z.string(), email: z.string() }).nullable(),
		description: z
			.string()
			.nullable()
			.optional()
			.meta({ description: 'Absent when the caller may not read it (and in lists); null when erased. Reading a 화해조정부 case is logged' }),
		outcomeNote: z.string().nullable().optional().meta({ description: "The department's only; absent for the school and in lists" }),
		cancelReason: z.string().nullable(),
		decisionReason: z.string().nullable(),
		caseErased: z.boolean(),
		createdAt: isoInstant,
		may: z.object({ cancel: z.boolean(), reschedule: z.boolean(), handle: z.boolean(), readNote: z.boolean() }).meta({ description: 'What the caller may do with it now' })
	})
	.meta({ id: 'Consultation' });
export const consultationList = z.object({ consultations: z.array(consultation) });

// ---------- Visits ----------

export const visitCreated = z
	.object({
		reference: z.string().meta({ example: 'V-2026-0042' }),
		manageUrl: z.string().meta({ format: 'uri', description: 'The private link (its token: 256 random bits, stored only as a hash). Also e-mailed; keep it private.' })
	})
	.meta({ id: 'VisitCreated' });

const visitStatus = z.enum(['new', 'waiting', 'confirmed', 'done', 'declined', 'cancelled']);
const preferred = z.object({ date: z.string().meta({ format: 'date' }), period: z.enum(['am', 'pm']) });

const itineraryItem = z
	.object({
		id,
		kind: z.enum(['briefing', 'session', 'tour', 'qa', 'break', 'other']),
		title: z.string(),
		start: isoInstant,
		end: isoInstant,
		room: z.object({ id, nameKo: z.string(), nameEn: z.string(), floor: z.int(), locationKo: z.string(), locationEn: z.string() }).nullable(),
		presenters: z.array(
			z.object({ id, name: z.string(), titleKo: z.string(), titleEn: z.string(), department: z.object({ code: z.string(), nameKo: z.string(), nameEn: z.string() }) })
		)
	})
	.meta({ id: 'ItineraryItem' });

export const visitView = z
	.object({
		reference: z.string(),
		status: visitStatus,
		organization: z.string(),
		organizationKind: z.enum(['office', 'school', 'other']),
		region: z.object({ code: z.string(), ko: z.string(), en: z.string() }).nullable(),
		contactName: z.string(),
		email: z.string(),
		phone: z.string(),
		groupSize: z.int(),
		preferredDates: z.array(preferred),
		departments: z.array(z.object({ code: z.string(), nameKo: z.string(), nameEn: z.string() })),
		purpose: z.string(),
		accessibilityNeeds: z.string(),
		visitDate: z.string().meta({ format: 'date' }).nullable(),
		visitPeriod: z.enum(['am', 'pm']).nullable(),
		createdAt: isoInstant,
		itinerary: z.array(itineraryItem).meta({ description: 'Empty until the coordinators save one' }),
		timeline: z.array(
			z.object({
				kind: z.string().meta({ description: 'requested, confirmed, proposed, declined, cancelled, message…' }),
				author: z.enum(['delegation', 'coordinator']),
				body: z.string().nullable(),
				at: isoInstant
			})
		)
	})
	.meta({ id: 'VisitView' });

export const visitCoordinatorView = visitView
	.extend({
		id,
		may: z.object({ confirm: z.boolean(), propose: z.boolean(), decline: z.boolean(), cancel: z.boolean(), message: z.boolean() }).meta({ description: 'Which decisions the status allows now' })
	})
	.meta({ id: 'VisitCoordinatorView' });

export const visitInbox = z
	.object({
		items: z.array(
			z.object({
				id,
				reference: z.string(),
				status: visitStatus,
				organization: z.string(),
				region: z.string(),
				groupSize: z.int(),
				preferredDates: z.array(preferred),
				visitDate: z.string().meta({ format: 'date' }).nullable(),
				visitPeriod: z.enum(['am', 'pm']).nullable(),
				createdAt: isoInstant
			})
		),
		counts: z.record(z.string(), z.int()).meta({ description: 'Requests per status' })
	})
	.meta({ id: 'VisitInbox' });

export const itinerarySaved = z.object({ segments: z.array(itineraryItem) }).meta({ id: 'ItinerarySaved' });

export const itineraryClash = problem
	.extend({
		clashes: z.array(
			z.object({
				segment: z.int().meta({ description: 'The segment’s place in the request, from 0' }),
				title: z.string(),
				resource: z.object({ id, kind: z.enum(['room', 'presenter']), name: z.string() }),
				start: isoInstant.meta({ description: 'The other hold’s start' }),
				end: isoInstant.meta({ description: 'The other hold’s end' }),
				nextFree: isoInstant.nullable().meta({ description: 'The earliest weekday time (09:00–18:00, two weeks) the resource is free for the segment’s length' })
			})
		)
	})
	.meta({ id: 'ItineraryClash' });

export const checkedIn = z
	.object({ id, reference: z.string(), organization: z.string(), attendance: z.enum(['arrived', 'no_show']) })
	.meta({ id: 'VisitCheckedIn' });

export const visitProblem = problem
	.extend({ errors: z.record(z.string(), z.string()).optional().meta({ description: 'field → message (422)' }) })
	.meta({ id: 'VisitProblem' });

// ---------- A consultant's availability (staff) ----------

const clockTime = z.string().meta({ example: '14:00' });
export const consultantAvailability = z
	.object({
		hours: z.array(z.object({ weekday: z.int().meta({ description: '0 Sunday … 6 Saturday' }), start: clockTime, end: clockTime })),
		exceptions: z.array(
			z.object({ id, date: z.string().meta({ format: 'date' }), kind: z.enum(['off_day', 'off_hours', 'extra']), start: clockTime.nullable(), end: clockTime.nullable(), note: z.string() })
		),
		workingDays: z.array(
			z.object({
				date: z.string().meta({ format: 'date' }),
				spans: z.array(z.object({ start: isoInstant, end: isoInstant })),
				holidays: z.array(z.string()).meta({ description: 'Korean names of the public holidays of the date' })
			})
		)
	})
	.meta({ id: 'ConsultantAvailability' });

// ---------- Trainings ----------

const trainingSession = z
	.object({
		id,
		start: isoInstant,
		end: isoInstant,
		place: z.union([
			z.object({ roomId: id, nameKo: z.string(), nameEn: z.string() }),
			z.object({ venue: z.object({ name: z.string(), address: z.string() }) })
		]),
		region: z.string(),
		district: z.string().nullable(),
		capacity: z.int(),
		confirmed: z.int(),
		waiting: z.int(),
		opensAt: isoInstant,
		closesAt: isoInstant,
		cancelCutoff: isoInstant.nullable(),
		perSchoolCap: z.int().nullable(),
		mode: z.enum(['first_come', 'lottery'])
	})
	.meta({ id: 'TrainingSession' });

export const trainingList = z
	.object({
		programmes: z.array(
			z.object({
				id,
				title: z.object({ ko: z.string(), en: z.string() }),
				description: z.object({ ko: z.string(), en: z.string() }),
				department: z.object({ code: z.string(), nameKo: z.string(), nameEn: z.string() }),
				audience: z.array(z.string()),
				sessions: z.array(trainingSession)
			})
		)
	})
	.meta({ id: 'TrainingList' });

export const trainingCreated = z
	.object({ id, sessions: z.array(z.object({ id, start: isoInstant, end: isoInstant, capacity: z.int(), opensAt: isoInstant, closesAt: isoInstant })) })
	.meta({ id: 'TrainingCreated' });

export const registrationsCreated = z
	.object({
		registrations: z.array(
			z.object({
				id,
				email: z.string(),
				status: z.enum(['confirmed', 'waitlisted', 'pending_draw']),
				position: z.int().optional().meta({ description: 'Place in line while waiting (1 = next), at the time of the answer' })
			})
		)
	})
	.meta({ id: 'RegistrationsCreated' });

export const registrationCancelled = z
	.object({ id, promoted: z.object({ id, email: z.string() }).nullable().meta({ description: 'Who got the seat, if it was one and someone waited' }) })
	.meta({ id: 'RegistrationCancelled' });

export const drawn = z
	.object({
		seed: z.string(),
		confirmed: z.int(),
		waitlisted: z.int(),
		log: z.array(z.object({ id, ticket: z.string().meta({ description: 'SHA-256 of "<seed>:<registration id>", hex' }), status: z.enum(['confirmed', 'waitlisted']), waitingNumber: z.int().nullable() }))
	})
	.meta({ id: 'TrainingDrawn' });
