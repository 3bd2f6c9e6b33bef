import type { LayoutServerLoad } from './$types';
import { requireDepartmentStaff } from './guard';

/** The department queue: department staff, for their own department. Each action checks again in its service. */
export const load: LayoutServerLoad = (event) => {
	requireDepartmentStaff(event);
};
