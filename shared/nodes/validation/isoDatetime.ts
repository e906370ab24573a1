import { DateTime } from 'luxon';

interface DateTimeLike {
	isValid: boolean;
	toUTC(): { toISO(options: { suppressMilliseconds: boolean }): string | null };
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return typeof value === 'object' && value !== null && typeof (value as DateTimeLike).toUTC === 'function';
}

/**
 * An n8n date value as an ISO 8601 UTC date-time ("2022-02-24T13:45:10Z", the partner documents' form), or
 * undefined when it is not a date-time. Accepts what users give: a date picker's value or any ISO
 * text (without an offset it is read in the workflow's time zone), a Luxon DateTime or a Date from
 * an expression.
 */
export function toIsoDatetime(value: unknown, timezone: string): string | undefined {
	let parsed: DateTimeLike | undefined;
	if (isDateTimeLike(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (typeof value === 'string' && value.trim()) {
		const text = value.trim();
		parsed = DateTime.fromISO(text, { zone: timezone, setZone: true });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone: timezone });
	}
	if (!parsed?.isValid) return undefined;
	return parsed.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}
