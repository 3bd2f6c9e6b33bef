/** The school history's filters (no server imports: the query schema and the page share them). */
export const HISTORY_KINDS = ['all', 'room', 'consultation'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const HISTORY_PERIODS = ['upcoming', 'past'] as const;
export type HistoryPeriod = (typeof HISTORY_PERIODS)[number];
