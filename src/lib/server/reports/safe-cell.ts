/**
 * Spreadsheet formula injection: a text cell that starts with = + - @, a tab or a carriage return can
 * be run as a formula when the file is opened. Such text gets a leading apostrophe, which spreadsheet
 * programs show as text. Numbers stay numbers (a number cannot be a formula).
 */
export function safeText(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
