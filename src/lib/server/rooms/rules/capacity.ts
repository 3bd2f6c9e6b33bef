import type { Rule } from './types';

export const checkCapacity: Rule = ({ request, room }) =>
	request.attendees > room.capacity
		? [{ rule: 'capacity', messageKey: 'rule_capacity', params: { capacity: room.capacity } }]
		: [];
