import afostoSpec from '../../packages/n8n-nodes-afosto/spec/afosto.json';
import responseExamples from './afostoResponseExamples.json';

/**
 * The sandbox's Afosto records, built from the Afosto API reference's response examples. The
 * reference prints each field as a placeholder of its type (`"string (uuid)"`, `"integer"`,
 * `"boolean"`, `"#/definitions/OdrOrderSettingsContact"`); a record keeps every documented field
 * and puts a value of that type in it, varied by the record's index and the field, and the same
 * for the same index every time, so a listed record can be read again by its id.
 *
 * An example is compiled once into a builder, so a page of 250 records costs 250 calls of small
 * functions and nothing is generated before it is asked for.
 */

/** Builds the record with this index (0-based). */
export type RecordBuilder = (index: number) => unknown;

interface DefinitionProperty {
	type: string;
	format?: string;
	ref?: string;
	items?: string;
	enum?: unknown[];
}

const definitions = afostoSpec.definitions as unknown as Record<string, { properties?: Record<string, DefinitionProperty> }>;
const examples = responseExamples as Record<string, unknown>;

/** The documented success example of an endpoint, or undefined where the reference prints none. */
export function afostoResponseExample(endpointId: string): unknown {
	return examples[endpointId];
}

const PLACEHOLDER = /^(string|integer|number|boolean|object)(?: \(([^)]+)\))?$/;
const DEFINITION_REFERENCE = /^#\/definitions\/(\w+)$/;
/** A referenced definition nested deeper than this stays `{}`: the reference's own examples stop there too. */
const REFERENCE_DEPTH = 2;
const FIRST_DATE = Date.UTC(2026, 10, 2);
const GIVEN_NAMES = ['Anna', 'Bram', 'Chloé', 'Daan', 'Eva', 'Finn', 'Gijs', 'Hanna', 'Iris', 'Jesse', 'Lotte'];
const FAMILY_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker'];
const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'ES'];
const CITIES = ['Amsterdam', 'Antwerpen', 'Berlin', 'Paris', 'Madrid'];

/** FNV-1a: a field's fixed number, so two fields of one record differ and one field varies by index. */
function hashOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(digits, '0').slice(-digits);

/**
 * A UUID whose last group is the record's index plus one (so ids read back: `recordIndexOf`),
 * the rest fixed per field.
 */
function uuidBuilder(hash: number): RecordBuilder {
	const more = Math.imul(hash, 0x9e3779b1);
	const prefix = `${hex(hash, 8)}-${hex(more, 4)}-4${hex(more >>> 16, 3)}-8${hex(hash ^ more, 3)}-`;
	return (index) => prefix + uuidSuffix(index);
}

/** The last UUID group of a record: one record has many ids, so the last one made is kept. */
let suffixIndex = -1;
let suffix = '';
function uuidSuffix(index: number): string {
	if (index !== suffixIndex) {
		suffixIndex = index;
		suffix = (index + 1).toString(16).padStart(12, '0');
	}
	return suffix;
}

/** The record index a sandbox id carries, or undefined for an id the sandbox did not make. */
export function recordIndexOf(id: string): number | undefined {
	const found = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-([0-9a-f]{12})$/.exec(id);
	return found ? parseInt(found[1], 16) - 1 : undefined;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
const dayNames: string[] = [];

/** `YYYY-MM-DD` of the day so many days after the first date; Date's own formatting is the slow part of a page. */
function dayName(day: number): string {
	return (dayNames[day] ??= new Date(FIRST_DATE + day * 86_400_000).toISOString().slice(0, 10));
}

/** A time stamp an hour later for every record, at a time of day fixed per field. */
function dateTimeBuilder(hash: number): (index: number) => string {
	const firstHour = 9 + (hash % 15);
	const clock = `:${TWO_DIGITS[(hash >>> 4) % 60]}:${TWO_DIGITS[(hash >>> 10) % 60]}Z`;
	return (index) => {
		const hours = firstHour + index;
		return `${dayName(Math.floor(hours / 24))}T${TWO_DIGITS[hours % 24]}${clock}`;
	};
}

const words = (field: string) => field.replace(/_/g, ' ');
const titled = (field: string) => words(field).replace(/^./, (first) => first.toUpperCase());

/** A string field's value by what its name says it holds; otherwise the name and the record number. */
function stringBuilder(field: string, format: string | undefined, path: string, hash: number): RecordBuilder {
	const pick = (list: string[]) => (index: number) => list[(index + hash) % list.length];
	if (format === 'uuid' || field === 'id' || field.endsWith('_id') || field === 'version') return uuidBuilder(hash);
	if (format === 'date') {
		const dateTime = dateTimeBuilder(hash);
		return (index) => dateTime(index).slice(0, 10);
	}
	if (format === 'date-time' || format === 'datetime' || field.endsWith('_at')) return dateTimeBuilder(hash);
	if (path.includes('phone') && (field === 'number' || field === 'national')) {
		return (index) => `${field === 'number' ? '+316' : '06'}${String(20_000_000 + ((index * 7_919 + hash) % 80_000_000))}`;
	}
	if (field.includes('email')) return (index) => `customer${index + 1}@example.com`;
	if (field === 'given_name' || field === 'first_name') return pick(GIVEN_NAMES);
	if (field === 'family_name' || field === 'last_name') return pick(FAMILY_NAMES);
	if (field === 'currency') return () => 'EUR';
	if (field === 'country_code' || field === 'country') return pick(COUNTRIES);
	if (field === 'locality' || field === 'city') return pick(CITIES);
	if (field === 'locale') return () => 'nl_NL';
	if (field === 'postal_code') return (index) => `${1011 + ((index * 7 + hash) % 8900)} AB`;
	if (field === 'number') return (index) => String(100_001 + index);
	if (field.endsWith('url') || field === 'endpoint') return (index) => `https://example.com/${field}/${index + 1}`;
	if (['code', 'sku', 'reference', 'key'].includes(field)) return (index) => `${field.toUpperCase()}-${String(index + 1).padStart(5, '0')}`;
	if (['name', 'title', 'label', 'description'].includes(field)) {
		const title = titled(field);
		return (index) => `${title} ${index + 1}`;
	}
	return (index) => `${field}-${index + 1}`;
}

function integerBuilder(field: string, hash: number): RecordBuilder {
	// Amounts are in minor units (cents) in the Afosto API reference.
	if (/amount|price|total|cost|value|limit/.test(field)) return (index) => 1_000 * (index + 1) + (hash % 1_000);
	if (/count|quantity|qty/.test(field)) return (index) => 1 + ((index + hash) % 12);
	return (index) => 1 + ((index * 3 + hash) % 100);
}

/** A definition of the spec as an example in the reference's own placeholder notation. */
function exampleOfDefinition(name: string, depth: number): unknown {
	const properties = definitions[name]?.properties;
	if (!properties || depth > REFERENCE_DEPTH) return 'object';
	const example: Record<string, unknown> = {};
	for (const [field, property] of Object.entries(properties)) {
		const nested = property.ref ? exampleOfDefinition(property.ref, depth + 1) : undefined;
		if (property.type === 'array') example[field] = [nested ?? property.items ?? 'string'];
		else if (nested !== undefined) example[field] = nested;
		else if (property.enum?.length) example[field] = property.enum;
		else example[field] = property.format ? `${property.type} (${property.format})` : property.type;
	}
	return example;
}

/** Builds the JSON text of the record with this index. */
export type RecordTextBuilder = (index: number) => string;

/** A piece of a record's JSON text: fixed text, or the text for a record's index. */
type Segment = string | RecordTextBuilder;

/** A string leaf's JSON text: the values made here need no escaping unless the field name does. */
function quoted(build: RecordBuilder, field: string): Segment[] {
	if (/["\\\u0000-\u001f]/.test(field)) return [(index) => JSON.stringify(build(index))];
	return ['"', (index) => build(index) as string, '"'];
}

/**
 * Compiles an example into the pieces of its JSON text, in order. Building a record is then one
 * pass over the pieces with no objects to build and serialise, which keeps a page of 250 orders
 * cheap.
 */
function segmentsOf(example: unknown, field: string, path: string, depth: number): Segment[] {
	const hash = hashOf(path);
	if (Array.isArray(example)) {
		// A definition's enum (see exampleOfDefinition): one of its values per record.
		if (example.length > 1 && example.every((value) => typeof value === 'string' || typeof value === 'number')) {
			const texts = example.map((value) => JSON.stringify(value));
			return [(index) => texts[(index + hash) % texts.length]];
		}
		if (example.length === 0) return ['[]'];
		return ['[', ...segmentsOf(example[0], field, `${path}[]`, depth), ']'];
	}
	if (typeof example === 'object' && example !== null) {
		const segments: Segment[] = ['{'];
		Object.entries(example).forEach(([name, value], position) => {
			segments.push(`${position ? ',' : ''}${JSON.stringify(name)}:`, ...segmentsOf(value, name, `${path}.${name}`, depth));
		});
		segments.push('}');
		return segments;
	}
	const asIs = JSON.stringify(example ?? null);
	if (typeof example !== 'string') return [asIs];
	const reference = DEFINITION_REFERENCE.exec(example);
	if (reference) return segmentsOf(exampleOfDefinition(reference[1], depth + 1), field, path, depth + 1);
	const placeholder = PLACEHOLDER.exec(example);
	// Anything else is a value the reference prints as it is ("peter@afosto.com").
	if (!placeholder) return [asIs];
	const [, type, format] = placeholder;
	if (type === 'string') return quoted(stringBuilder(field, format, path, hash), field);
	if (type === 'integer') {
		const integer = integerBuilder(field, hash);
		return [(index) => String(integer(index))];
	}
	if (type === 'number') {
		const integer = integerBuilder(field, hash);
		return [(index) => String((integer(index) as number) / 100)];
	}
	if (type === 'boolean') return [(index) => (((index + hash) & 1) === 0 ? 'true' : 'false')];
	return ['{}'];
}

/**
 * A builder of the JSON text of records shaped like `example`. `collection` (e.g. `/odr/orders`)
 * keeps the ids and values of one resource apart from another's, and the same in its list, read
 * and create answers.
 */
export function recordTextBuilder(example: unknown, collection: string): RecordTextBuilder {
	// Neighbouring fixed pieces are joined once here, so a record is about one piece per value.
	const fixed: string[] = [];
	const variable: RecordTextBuilder[] = [];
	let pending = '';
	for (const segment of segmentsOf(example, '', collection, 0)) {
		if (typeof segment === 'string') pending += segment;
		else {
			fixed.push(pending);
			variable.push(segment);
			pending = '';
		}
	}
	const last = pending;
	return (index) => {
		let text = '';
		for (let position = 0; position < variable.length; position++) text += fixed[position] + variable[position](index);
		return text + last;
	};
}

/** The same records as objects, for answers about one record. */
export function recordBuilder(example: unknown, collection: string): RecordBuilder {
	const text = recordTextBuilder(example, collection);
	return (index) => JSON.parse(text(index)) as unknown;
}

/** The sandbox's SKU with this index (0-based), as its price records carry it: `SKU-00001`. */
export const sandboxSku = (index: number) => `SKU-${String(index + 1).padStart(5, '0')}`;

/** The index of a sandbox SKU, or undefined for a SKU the sandbox did not make. */
const sandboxSkuIndex = (sku: string) => (/^SKU-\d{5}$/.test(sku) ? Number(sku.slice(4)) - 1 : undefined);

/**
 * The prices of a price group, shaped like the reference's `example` price: every one in the group
 * asked for (`price_group_id`), and each SKU priced twice, an earlier price and a later one, as a
 * group holds "a historic or planned list of prices for a sku" (the Afosto API reference). So the
 * group's list (`GET /cat/groups/{id}/prices`) holds each SKU twice, and a SKU's list
 * (`/cat/groups/{id}/prices/{sku}`) its two prices; a SKU the sandbox did not make is priced as
 * its first one is.
 */
export function groupPricesBuilder(example: unknown, collection: string): (groupId: string, sku?: string) => RecordTextBuilder {
	const build = recordBuilder(example, collection);
	return (groupId, sku) => {
		const first = sku === undefined ? 0 : 2 * (sandboxSkuIndex(sku) ?? 0);
		return (index) => {
			const price = build(first + index) as Record<string, unknown>;
			return JSON.stringify({ ...price, sku: sku ?? sandboxSku(Math.floor(index / 2)), price_group_id: groupId });
		};
	};
}
