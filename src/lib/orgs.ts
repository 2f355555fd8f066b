/** Organization profile choices, shared by forms (browser) and validation (server). */
export const industries = [
	'manufacturing',
	'wholesale',
	'it_software',
	'professional_services',
	'financial_services',
	'healthcare',
	'construction',
	'retail',
	'media',
	'other'
] as const;
export const sizeBands = ['1-49', '50-199', '200-999', '1000+'] as const;
export const salesModels = ['field', 'inside', 'hybrid', 'key_account', 'new_business'] as const;
