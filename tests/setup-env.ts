import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.SOS_RESPONSE_KEY = inject('responseKey');
