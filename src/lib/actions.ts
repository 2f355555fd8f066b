/** The statuses of an action (an improvement plan), in the order a plan goes through them; shared by forms (browser) and the server. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
