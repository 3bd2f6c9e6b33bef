import { asc } from 'drizzle-orm';
import { db } from '../db';
import { department, school, type Department, type School } from '../db/schema';

export function listDepartments(): Promise<Department[]> {
	return db.select().from(department).orderBy(asc(department.sortOrder));
}

export function listSchools(): Promise<School[]> {
	return db.select().from(school).orderBy(asc(school.level), asc(school.nameKo));
}
