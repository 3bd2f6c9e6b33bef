/** How a consultation takes place: 방문 in person (holds a consultation room too), 화상 video, 전화 phone. */
export const CONSULTATION_MODES = ['visit', 'video', 'phone'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];
