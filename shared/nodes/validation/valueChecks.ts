import { DateTime } from 'luxon';
import { NodeHelpers } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

import { invalidInput } from './invalidInput';
import { parseJsonObject, parseJsonValue } from './jsonObjectParameter';
import { toIsoDatetime } from './isoDatetime';

/**
 * Checks of the values a user's fields and expressions give, against the type the partner
 * document gives the field: each returns the value to send (`undefined`: send nothing) or refuses
 * it, naming item and field. A value is never turned into another type's text: no
 * `[object Object]`, no `a,b` for a list, no `"null"` for a missing value.
 */
export type ValueCheck<T = unknown> = (value: unknown, field: string, node: INode, itemIndex: number, timezone: string) => T;

/** What the value is, in the words of an error message. */
function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/**
 * No value: nothing, or blank text; what an added but unfilled field, or an expression that found
 * nothing, gives. An empty list is a value here: Afosto's bodies send `[]` to empty a list.
 */
export function isBlank(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Nothing given to an optional field of MasStack or bolttech, an empty list included: left out of the request. */
export function isEmptyValue(value: unknown): boolean {
	return isBlank(value) || (Array.isArray(value) && value.length === 0);
}

/** A check that lets an empty value pass as "not sent" and applies `check` to any other. */
export function optional<T>(check: ValueCheck<T>): ValueCheck<T | undefined> {
	return (value, field, node, itemIndex, timezone) => (isEmptyValue(value) ? undefined : check(value, field, node, itemIndex, timezone));
}

/**
 * Text as the user meant it, trimmed. A finite number counts as its digits (IDs come from
 * spreadsheets as numbers). Refused: nothing, an object, a list, a boolean, and the text an
 * expression makes of a missing value or an object ("null", "undefined", "[object Object]").
 */
export function requiredText(value: unknown, field: string, node: INode, itemIndex: number): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (value === null || value === undefined) throw invalidInput(node, itemIndex, field, 'is empty', `Enter the ${field}.`);
	if (typeof value !== 'string') {
		throw invalidInput(node, itemIndex, field, `is ${kindOf(value)}, not text`, `Enter the ${field} as text, or make the expression return text.`);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, field, 'is empty', `Enter the ${field}.`);
	if (text === 'null' || text === 'undefined' || text.includes('[object Object]')) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`is the text "${text.length > 40 ? `${text.slice(0, 40)}…` : text}", which an expression makes of a missing value or an object`,
			`Check the expression of ${field}: it should return the value itself, e.g. {{ $json.id }}.`,
		);
	}
	return text;
}

export const optionalText = optional(requiredText);

/** A finite number; numeric text ("12.10", as spreadsheets deliver it) counts, "12,10 €" does not. */
export function finiteNumber(value: unknown, field: string, node: INode, itemIndex: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be a number, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
			`Give the ${field} as a number with a decimal point, e.g. 12.10.`,
		);
	}
	return number;
}

/** A whole number (see finiteNumber). */
export function integer(value: unknown, field: string, node: INode, itemIndex: number): number {
	const number = finiteNumber(value, field, node, itemIndex);
	if (!Number.isInteger(number)) {
		throw invalidInput(node, itemIndex, field, `must be a whole number, got ${number}`, `Give the ${field} without decimals.`);
	}
	return number;
}

/** true or false; the text "true" or "false" (from a spreadsheet) counts. */
export function booleanValue(value: unknown, field: string, node: INode, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw invalidInput(
		node,
		itemIndex,
		field,
		`must be true or false, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
		`Switch ${field} on or off, or make the expression return true or false.`,
	);
}

/** One of the document's values, exactly. */
export function enumValue(allowed: readonly string[]): ValueCheck<string> {
	return (value, field, node, itemIndex) => {
		if (typeof value === 'string' && allowed.includes(value)) return value;
		throw invalidInput(
			node,
			itemIndex,
			field,
			`${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `is ${kindOf(value)}, which`} is not one of ${allowed.join(', ')}`,
			'Pick a value from the list, or make the expression return one of these values.',
		);
	};
}

/**
 * A list whose entries each pass `check` (named "Field, entry 2"). A list stays a list; JSON text
 * of a list is read as one; any other single value is a list of one.
 */
export function listOf<T>(check: ValueCheck<T>): ValueCheck<T[]> {
	return (value, field, node, itemIndex, timezone) => {
		if (value === null || value === undefined) throw invalidInput(node, itemIndex, field, 'is empty', `Give at least one ${field} entry.`);
		let list: unknown = value;
		if (typeof list === 'string' && list.trim().startsWith('[')) list = parseJsonValue(node, itemIndex, list, field, '["a", "b"]');
		if (!Array.isArray(list)) list = [list];
		const entries = list as unknown[];
		if (entries.length === 0) throw invalidInput(node, itemIndex, field, 'is empty', `Give at least one ${field} entry.`);
		return entries.map((entry, index) => check(entry, `${field}, entry ${index + 1}`, node, itemIndex, timezone));
	};
}

/** A JSON object: an object from an expression, or JSON text of one. */
export function jsonObject(value: unknown, field: string, node: INode, itemIndex: number): IDataObject {
	return parseJsonObject(node, itemIndex, value, field, '{"key": "value"}');
}

/** An absolute http(s) URL. */
export function httpUrl(value: unknown, field: string, node: INode, itemIndex: number): string {
	const text = requiredText(value, field, node, itemIndex);
	let protocol = '';
	try {
		protocol = new URL(text).protocol;
	} catch {
		// Not a URL at all: refused below.
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalidInput(node, itemIndex, field, `"${text.slice(0, 80)}" is not an http(s) URL`, `Enter a full URL such as https://your-n8n.example.com/webhook/…`);
	}
	return text;
}

/**
 * A date-time as ISO 8601 UTC ("2022-02-24T13:45:10Z"): a date picker's value or ISO text (read in
 * the workflow's time zone when it has no offset), a Luxon DateTime or a Date.
 */
export function isoDatetime(value: unknown, field: string, node: INode, itemIndex: number, timezone: string): string {
	const iso = toIsoDatetime(value, timezone);
	if (iso === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			isEmptyValue(value) ? 'is empty' : `is not a date-time: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
			'Pick a date, or give an ISO 8601 date-time such as 2022-02-24T13:45:10Z (an expression may also return a DateTime).',
		);
	}
	return iso;
}

/** A date-time as the user wrote it when it is ISO text; a DateTime or Date as ISO 8601 UTC. */
export function dateTimeText(value: unknown, field: string, node: INode, itemIndex: number, timezone: string): string {
	const iso = isoDatetime(value, field, node, itemIndex, timezone);
	return typeof value === 'string' ? value.trim() : iso;
}

/** A calendar date (YYYY-MM-DD), the day as written: "2024-01-15T00:00:00" is 2024-01-15 in any time zone. */
export function calendarDate(value: unknown, field: string, node: INode, itemIndex: number, timezone: string): string {
	isoDatetime(value, field, node, itemIndex, timezone);
	if (typeof value === 'string') {
		const text = value.trim();
		const parsed = DateTime.fromISO(text, { setZone: true });
		return (parsed.isValid ? parsed : DateTime.fromSQL(text, { setZone: true })).toISODate() as string;
	}
	const parsed = value instanceof Date ? DateTime.fromJSDate(value, { zone: timezone }) : (value as DateTime);
	return parsed.toISODate() as string;
}

/**
 * An HTTP header value, sent exactly as given or refused: a header carries visible ASCII only, so
 * line breaks (which would start another header) and other characters (which HTTP clients drop
 * or mangle: "ñandú-📱-Ω" became "ñandú--") are refused rather than altered.
 */
export function headerValue(value: unknown, field: string, node: INode, itemIndex: number): string {
	if (typeof value !== 'string' && value !== null && value !== undefined) {
		throw invalidInput(node, itemIndex, field, `is ${kindOf(value)}, not text`, `Enter the ${field} as text, or make the expression return text.`);
	}
	const text = requiredText(value, field, node, itemIndex);
	if (text !== value) {
		// HTTP drops the spaces around a header value, so the partner would read another value.
		throw invalidInput(node, itemIndex, field, 'has spaces before or after it', `Give the ${field} without surrounding spaces.`);
	}
	const unsendable = /[^\x20-\x7e]/.exec(text);
	if (unsendable) {
		const shown = /[\r\n]/.test(unsendable[0]) ? 'a line break' : `"${unsendable[0]}"`;
		throw invalidInput(
			node,
			itemIndex,
			field,
			`contains ${shown}, which an HTTP header cannot carry as given`,
			`Use only letters, digits and ASCII punctuation in the ${field}.`,
		);
	}
	return text;
}

/** The value at a dotted path of a body (`payload.partner_device_id`). */
function valueAt(body: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((object, key) => (object as IDataObject | undefined)?.[key], body);
}

/** Sets (or, for `undefined`, removes) the value at a dotted path of a body. */
function putAt(body: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let object = body;
	for (const key of keys) {
		if (typeof object[key] !== 'object' || object[key] === null) object[key] = {};
		object = object[key] as IDataObject;
	}
	if (value === undefined) delete object[last];
	else object[last] = value as IDataObject[string];
}

/** A body field's check: where the value sits on the wire, its display name and its check. */
export interface BodyValueCheck {
	property: string;
	field: string;
	check: ValueCheck;
}

const BODY_CHECKS = Symbol('bodyValueCheck');
type CheckingPreSend = PreSendAction & { [BODY_CHECKS]?: BodyValueCheck };

/** Applies one field's check to the body in place: the checked value replaces the given one. */
export function checkBodyValue(body: IDataObject, { property, field, check }: BodyValueCheck, node: INode, itemIndex: number, timezone: string): void {
	putAt(body, property, check(valueAt(body, property), field, node, itemIndex, timezone));
}

/**
 * The routing of a body field whose value is checked before sending: n8n puts the value the
 * user's field or expression gave at `property`, then this field's preSend checks it there and
 * sends the checked value, or nothing when the check says so (an empty optional value).
 */
export function sendChecked(property: string, field: string, check: ValueCheck): INodePropertyRouting {
	const bodyCheck: BodyValueCheck = { property, field, check };
	const checkField: CheckingPreSend = async function checkFieldValue(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requestOptions.body ??= {};
		checkBodyValue(requestOptions.body as IDataObject, bodyCheck, this.getNode(), this.getItemIndex(), this.getTimezone());
		return requestOptions;
	};
	checkField[BODY_CHECKS] = bodyCheck;
	return { send: { type: 'body', property, preSend: [checkField] } };
}

/** The check sendChecked gave a field, if any. */
function bodyCheckOf(property: INodeProperties): BodyValueCheck | undefined {
	return (property.routing?.send?.preSend as CheckingPreSend[] | undefined)?.find((preSend) => preSend[BODY_CHECKS])?.[BODY_CHECKS];
}

/**
 * The properties a node shows for its parameters (its resource, operation and options), as n8n
 * decides it: the ones whose values are the request's.
 */
export function shownProperties(context: IExecuteFunctions, properties: INodeProperties[]): INodeProperties[] {
	const node = context.getNode();
	return properties.filter((property) => NodeHelpers.displayParameter(node.parameters, property, node, null, node.parameters));
}

/**
 * For a programmatic node: builds the JSON body its fields describe (sendChecked or plain
 * `routing.send`) and applies their checks, so the request is sent, or refused, as n8n's routing
 * would send it. Every field's value is put in first, then `checkAcrossFields` runs (an
 * operation's checks across fields, which n8n's routing runs before the fields' own), then each
 * field's own check, in field order. A field the operation hides is absent from the node's
 * parameters (n8n drops hidden ones); an option not added to its collection is not sent.
 */
export function checkedBodyOf(
	context: IExecuteFunctions,
	properties: INodeProperties[],
	itemIndex: number,
	checkAcrossFields?: (body: IDataObject) => void,
): IDataObject {
	const body: IDataObject = {};
	const node = context.getNode();
	const timezone = context.getTimezone();
	const bodyChecks: BodyValueCheck[] = [];
	const put = (property: INodeProperties, value: unknown) => {
		const send = property.routing?.send;
		if (send?.type !== 'body' || !send.property || send.value !== undefined) return;
		const bodyCheck = bodyCheckOf(property);
		// A field without a check of its own sends its value as it is, and nothing when empty.
		if (!bodyCheck && isEmptyValue(value)) return;
		putAt(body, String(send.property), value);
		if (bodyCheck) bodyChecks.push(bodyCheck);
	};
	const shown = node.parameters;
	for (const property of properties) {
		if (!(property.name in shown)) continue;
		const value = context.getNodeParameter(property.name, itemIndex) as unknown;
		if (property.type !== 'collection') {
			put(property, value);
			continue;
		}
		const options = (value ?? {}) as IDataObject;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option.name in options) put(option, options[option.name]);
		}
	}
	checkAcrossFields?.(body);
	for (const bodyCheck of bodyChecks) checkBodyValue(body, bodyCheck, node, itemIndex, timezone);
	return body;
}
