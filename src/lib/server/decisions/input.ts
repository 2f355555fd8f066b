import { z } from 'zod';
import { fields } from '$lib/server/validation';
import { day, prose } from '$lib/server/actions/input';

/** A decision point: what management decided for a unit, why, and on which day. */
export const decisionInput = z.strictObject({
	unitId: fields.uuid,
	decidedOn: day,
	title: prose(200).min(1, 'Say what was decided'),
	reason: prose(2000).default('')
});
