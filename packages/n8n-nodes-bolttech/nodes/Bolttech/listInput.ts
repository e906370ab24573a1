/**
 * Reads a list parameter the way users type it: an array from an expression, or text separated
 * by commas, semicolons or new lines. Blank entries are dropped.
 */
export function toTrimmedList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[\n,;]+/);
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry.length > 0);
}
