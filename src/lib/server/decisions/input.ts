import { z } from 'zod';
import { day, prose, unitRef } from '$lib/server/actions/input';

/** A decision point: what management decided for a unit, why, and on which day. */
export const decisionInput = z.strictObject({
	unitId: unitRef,
	decidedOn: day,
	title: prose(200).min(1, 'Say what was decided'),
	reason: prose(2000).default('')
});
