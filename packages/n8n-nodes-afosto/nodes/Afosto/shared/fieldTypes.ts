import { jsonParse } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { isBlank } from '../../shared/validation/valueChecks';

/** A value's type as a partner document gives it; `[]` marks a list of that type. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'object';
export type FieldType = ScalarType | `${ScalarType}[]`;

/** One field of a request: the name the user sees, its documented type, and its allowed values. */
export interface FieldSpec {
	field: string;
	type: FieldType;
	oneOf?: Array<string | number | boolean>;
}

/** The fields of a query or body, by wire name. */
export type FieldSpecs = Record<string, FieldSpec>;


/** How a refused value is shown in the error: its kind, and a short quote of text. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
	if (typeof value === 'object') return 'an object';
	return typeof value === 'number' ? `the number ${value}` : String(value);
}

const TYPE_WORDS: Record<ScalarType, string> = {
	string: 'text',
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	object: 'a JSON object',
};

/**
 * Decimal text that means one number: "12", "-3.5", "1e3". The fraction is `(\.\d*)?`, not
 * `\.?\d*`: without a dot the latter splits a run of digits between `\d+` and `\d*` in every
 * possible way, and a long run of digits followed by a letter took seconds to refuse.
 */
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` as the documented scalar type, or undefined when it is not one. Only conversions that
 * lose nothing are made: a finite number to its decimal text, number text to the number, "true" or
 * "false" to the boolean. Nothing else is turned into text, so no object becomes `[object Object]`
 * and no list becomes `a,b`.
 */
function asScalar(value: unknown, type: ScalarType): unknown {
	switch (type) {
		case 'string':
			if (typeof value === 'string') return value;
			return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
		case 'integer':
		case 'number': {
			const number = typeof value === 'string' && NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
			return type === 'integer' && !Number.isInteger(number) ? undefined : number;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			return value === 'true' ? true : value === 'false' ? false : undefined;
		case 'object':
			return isPlainObject(value) ? value : undefined;
	}
}

/**
 * A value checked against its field's documented type (see asScalar for what is converted), or
 * the error that refuses it, naming item and field. Null is no type's value. A list must be a
 * list (or JSON text of one) whose every entry has the entry type; an empty entry is refused, as
 * it would send `?codes=` or `[""]`.
 */
export function typedValue(value: unknown, spec: FieldSpec, node: INode, itemIndex: number): unknown {
	const listOf = spec.type.endsWith('[]') ? (spec.type.slice(0, -2) as ScalarType) : undefined;
	const refuse = (problem: string, fix: string) => invalidInput(node, itemIndex, spec.field, problem, fix);
	// JSON text given to an object or list field is the object or list it writes.
	const parsed = (entry: unknown, type: ScalarType, list: boolean): unknown => {
		if (typeof entry !== 'string' || (type !== 'object' && !list) || entry.trim() === '') return entry;
		try {
			return jsonParse(entry);
		} catch (error) {
			throw refuse(`is not valid JSON (${(error as Error).message})`, fixFor(spec, type, list));
		}
	};
	const checkEntry = (given: unknown, type: ScalarType, where: string): unknown => {
		const entry = parsed(given, type, false);
		const missing = entry === null || entry === undefined || (listOf !== undefined && isBlank(entry));
		const typed = missing ? undefined : asScalar(entry, type);
		if (typed === undefined) {
			throw refuse(`${where}is ${describeValue(entry)}, not ${TYPE_WORDS[type]}`, fixFor(spec, type, listOf !== undefined));
		}
		if (spec.oneOf && !spec.oneOf.includes(typed as string)) {
			throw refuse(`${where}is ${JSON.stringify(typed)}, not one of ${spec.oneOf.join(', ')}`, 'Pick a value from the list, or make the expression return one of these values.');
		}
		return typed;
	};
	if (!listOf) return checkEntry(value, spec.type as ScalarType, '');
	const list = parsed(value, listOf, true);
	if (!Array.isArray(list)) throw refuse(`is ${describeValue(value)}, not a list`, fixFor(spec, listOf, true));
	return list.map((entry, index) => checkEntry(entry, listOf, `entry ${index + 1} `));
}

function fixFor(spec: FieldSpec, type: ScalarType, list: boolean): string {
	const example = { string: '"A1"', integer: '3', number: '2.5', boolean: 'true', object: '{"key": "value"}' }[type];
	if (list) return `Give "${spec.field}" a list of ${TYPE_WORDS[type]} values, e.g. [${example}], or JSON text of one.`;
	return `Give "${spec.field}" ${TYPE_WORDS[type]}, e.g. ${example}.`;
}

/**
 * The values of a query or body, each checked against its field (typedValue); values of fields
 * without a spec pass as they are. With `leaveOutEmpty`, an empty value (a field added but not
 * filled in, an expression that found nothing) is left out rather than sent as `?number=` or
 * `null`. Keys are the user's or an expression's: a spec is looked up among the specs' own keys
 * only, and the result is built with Object.fromEntries, so `constructor`, `toString` and
 * `__proto__` are sent as written rather than found on Object.prototype (a crash) or setting the
 * result's prototype (the key lost).
 */
export function checkedFields(
	values: IDataObject,
	specs: FieldSpecs,
	node: INode,
	itemIndex: number,
	leaveOutEmpty: boolean,
	fieldName: (wireName: string, spec: FieldSpec) => string = (_wireName, spec) => spec.field,
): IDataObject {
	const checked: Array<[string, unknown]> = [];
	for (const [wireName, value] of Object.entries(values)) {
		if (!Object.hasOwn(specs, wireName)) {
			checked.push([wireName, value]);
			continue;
		}
		const documented = specs[wireName];
		const spec = { ...documented, field: fieldName(wireName, documented) };
		if (leaveOutEmpty && isBlank(value)) continue;
		checked.push([wireName, typedValue(value, spec, node, itemIndex)]);
	}
	return Object.fromEntries(checked) as IDataObject;
}

/** Visible ASCII, single inner spaces allowed: what an HTTP header carries unchanged. */
const HEADER_TEXT = /^[\x21-\x7e]+( [\x21-\x7e]+)*$/;

/**
 * A header value as the user gave it, or the error that refuses it: HTTP sends header values as
 * ASCII text, so anything else (a number, a list, "ñandú", a line break, spaces at either end)
 * would be altered or split on the way; it is refused rather than sent changed.
 */
export function headerText(value: unknown, field: string, node: INode, itemIndex: number): string {
	if (typeof value === 'string' && HEADER_TEXT.test(value)) return value;
	const problem =
		typeof value === 'string'
			? `is ${describeValue(value)}, which has characters an HTTP header cannot carry unchanged`
			: `is ${describeValue(value)}, not text`;
	throw invalidInput(node, itemIndex, field, problem, `Give "${field}" as text of visible ASCII characters (letters, digits, - _ . :), without spaces at either end.`);
}

/** Where a JSON value sits in a body, with every list position written `[]`: `lines[].sku`. */
function templatePath(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}[]`;
	return parent ? `${parent}.${key}` : key;
}

/**
 * The first text in `body` that is still the template's placeholder at the same place
 * (`placeholders` by templatePath, e.g. `{"is_including_vat": "boolean"}`), with where it is
 * (`lines[2].sku`); undefined when there is none.
 */
export function templatePlaceholderLeft(
	body: unknown,
	placeholders: Record<string, string>,
	path = '',
	where = '',
): { path: string; text: string } | undefined {
	if (typeof body === 'string') return Object.hasOwn(placeholders, path) && placeholders[path] === body ? { path: where, text: body } : undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const entries: Array<[string | number, unknown]> = Array.isArray(body) ? body.map((entry, index) => [index, entry]) : Object.entries(body);
	for (const [key, value] of entries) {
		const place = typeof key === 'number' ? `${where}[${key}]` : where ? `${where}.${key}` : key;
		const left = templatePlaceholderLeft(value, placeholders, templatePath(path, key), place);
		if (left) return left;
	}
	return undefined;
}
