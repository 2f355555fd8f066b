/** The statuses of an action, in the order a plan goes through them (shared by forms and the server). */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
