import pino from 'pino';

/** JSON logs on stdout, one line per event; quiet in tests unless LOG_LEVEL says otherwise. */
export const log = pino({
	level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
	base: { service: 'center-booking' },
	redact: { paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie'], remove: true }
});
