import { nullable } from '$lib/server/http/forms';

/** The user form's fields as the domain's input shape ("" → null for the optional choices). */
export function userFormInput(data: FormData) {
	return {
		name: data.get('name'),
		email: data.get('email'),
		language: data.get('language'),
		unitId: nullable(data.get('unitId')),
		jobRole: nullable(data.get('jobRole')),
		access: data.get('access'),
		scopeUnitId: nullable(data.get('scopeUnitId'))
	};
}
