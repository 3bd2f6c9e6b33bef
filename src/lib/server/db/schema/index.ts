export * from './org';
export * from './auth';
export * from './rooms';
export * from './ops';
export * from './reservations';
export * from './limits';
export * from './calendar';
export * from './consultations';
