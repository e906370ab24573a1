import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import type { ContractServer, ReceivedRequest } from '../../sandbox/contractServer';
import { runNode } from '../../scripts/n8nCore/runNode';
import type { NodeRun } from '../../scripts/n8nCore/runNode';

/**
 * The wrong-typed and awkward values every field is given, as an expression's result would give
 * them. `undefined` is an item without the value.
 */
export const AWKWARD_VALUES: Array<{ name: string; value?: unknown }> = [
	{ name: 'null', value: null },
	{ name: 'undefined' },
	{ name: 'empty text', value: '' },
	{ name: '"."', value: '.' },
	{ name: '".."', value: '..' },
	{ name: 'an object', value: { a: 1 } },
	{ name: 'a list', value: ['a', 'b'] },
	{ name: 'a number', value: 42 },
	{ name: 'a 10 KB text', value: 'x'.repeat(10 * 1024) },
	{ name: 'text with CRLF', value: 'first line\r\nSecond: line' },
	{ name: 'unicode text', value: 'ñandú-📱-Ω' },
];

/** What a list of AWKWARD_VALUES becomes when something joins it into text. */
const JOINED_LIST = 'a,b';

/** One field of an operation: the parameter's path (`additionalFields.description`) and display name. */
export interface WireField {
	parameter: string;
	displayName: string;
}

/** Fields that are settings of the node, not values of the request. */
const NOT_ON_THE_WIRE = new Set(['authentication', 'resource', 'operation', 'waitForCallback', 'timeoutMinutes']);

function isShown(property: INodeProperties, parameters: INodeParameters): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, values]) => (values as unknown[]).includes(parameters[name]));
}

/**
 * Every field an operation shows, read from the node's description: so a field added later is
 * tested without anyone listing it. Collections count by their options.
 */
export function fieldsOf(description: INodeTypeDescription, parameters: INodeParameters): WireField[] {
	const fields: WireField[] = [];
	const seen = new Set<string>();
	for (const property of description.properties) {
		if (NOT_ON_THE_WIRE.has(property.name) || property.type === 'notice' || !isShown(property, parameters)) continue;
		const entries =
			property.type === 'collection'
				? ((property.options ?? []) as INodeProperties[]).map((option) => ({ parameter: `${property.name}.${option.name}`, displayName: option.displayName }))
				: [{ parameter: property.name, displayName: property.displayName }];
		for (const entry of entries) {
			if (seen.has(entry.parameter)) continue;
			seen.add(entry.parameter);
			fields.push(entry);
		}
	}
	return fields;
}

function withParameter(parameters: INodeParameters, path: string, value: string): INodeParameters {
	const copy = structuredClone(parameters) as IDataObject;
	const keys = path.split('.');
	const last = keys.pop() as string;
	let object = copy;
	for (const key of keys) object = (object[key] ??= {}) as IDataObject;
	object[last] = value;
	return copy as INodeParameters;
}

/** Why a request that reached the partner is malformed, or nothing when it is well formed. */
export function wireProblems(request: ReceivedRequest, allowTrailingSlash: boolean): string[] {
	const problems: string[] = [];
	const segments = request.path.split('/').slice(1);
	segments.forEach((segment, index) => {
		const last = index === segments.length - 1;
		const text = decodeURIComponent(segment);
		if (segment === '' && !(last && allowTrailingSlash)) problems.push(`empty path segment in ${request.path.slice(0, 120)}`);
		if (text === '.' || text === '..') problems.push(`dot segment in ${request.path.slice(0, 120)}`);
		if (/^(null|undefined)$/.test(text) || text.includes('[object Object]') || text === JOINED_LIST) problems.push(`path segment "${text.slice(0, 40)}"`);
	});
	if (request.rawBody.includes('[object Object]')) problems.push('"[object Object]" in the body');
	const walk = (value: unknown, where: string): void => {
		if (value === null) problems.push(`${where} is null`);
		else if (value === '') problems.push(`${where} is empty text`);
		else if (typeof value === 'string' && (/^(null|undefined|NaN)$/.test(value) || value === JOINED_LIST)) problems.push(`${where} is the text "${value}"`);
		else if (Array.isArray(value)) {
			if (value.length === 0) problems.push(`${where} is an empty list`);
			value.forEach((entry, index) => walk(entry, `${where}[${index}]`));
		} else if (typeof value === 'object') for (const [key, entry] of Object.entries(value)) walk(entry, `${where}.${key}`);
	};
	if (request.body !== undefined) walk(request.body, 'body');
	for (const [name, value] of Object.entries(request.headers)) {
		if (/^(null|undefined)$/.test(String(value)) || String(value).includes('[object Object]')) problems.push(`header ${name}: "${String(value)}"`);
	}
	return problems;
}

export interface WireOutcomes {
	fields: number;
	cases: number;
	refused: number;
	sent: number;
	malformed: string[];
}

export function noOutcomes(): WireOutcomes {
	return { fields: 0, cases: 0, refused: 0, sent: 0, malformed: [] };
}

export interface WireOperation {
	/** The node's `description.name`. */
	type: string;
	/** A valid request of the operation; each field in turn gets the awkward values. */
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Whether the node takes one item per run (the Async nodes wait for one callback at a time). */
	oneItemPerRun?: boolean;
	/** The partner document's path ends with a slash (MasStack's `/v2/{service_type}/`). */
	allowTrailingSlash?: boolean;
}

function refusalProblem(message: string | undefined, itemIndex: number, field: WireField): string | undefined {
	if (message === undefined) return 'failed without a message';
	return message.startsWith(`Item ${itemIndex}: "${field.displayName}`) ? undefined : `failed without naming item ${itemIndex} and "${field.displayName}": ${message.slice(0, 160)}`;
}

/**
 * Gives one field every awkward value, through n8n-core against the contract server: each item
 * must either fail before the wire, naming item and field, or reach the partner as a well-formed
 * request (the contract's schema, plus no empty or dot path segments, no nulls, no empty values,
 * no "[object Object]", no "null" text).
 */
export async function throwAwkwardValues(server: ContractServer, operation: WireOperation, field: WireField, outcomes: WireOutcomes): Promise<void> {
	const label = `${String(operation.parameters.resource)}.${String(operation.parameters.operation)} ${field.parameter}`;
	const parameters = withParameter(operation.parameters, field.parameter, '={{ $json.value }}');
	const items = AWKWARD_VALUES.map((awkward) => ('value' in awkward ? { value: awkward.value } : {}) as IDataObject);
	server.reset();
	const record = (valueName: string, problem: string | undefined, sent: boolean) => {
		outcomes.cases++;
		if (problem) outcomes.malformed.push(`${label} = ${valueName}: ${problem}`);
		else if (sent) outcomes.sent++;
		else outcomes.refused++;
	};
	const malformedRequests = () => [
		...server.violations.map((violation) => `off contract: ${violation.slice(0, 200)}`),
		...server.received.flatMap((request) => wireProblems(request, operation.allowTrailingSlash ?? false)),
	];

	if (operation.oneItemPerRun) {
		for (const [index, item] of items.entries()) {
			server.reset();
			const run: NodeRun = await runNode({ type: operation.type, parameters, items: [item], credentials: operation.credentials });
			const sent = server.received.length > 0;
			const problem = run.error ? (sent ? `failed after sending: ${run.error.message}` : refusalProblem(run.error.message, 0, field)) : malformedRequests()[0];
			record(AWKWARD_VALUES[index].name, problem ?? (sent ? undefined : run.error ? undefined : 'neither sent nor refused'), sent && !run.error);
		}
		return;
	}

	const run = await runNode({ type: operation.type, parameters, items, credentials: operation.credentials, continueOnFail: true });
	if (run.error) throw new Error(`${label}: the run failed as a whole: ${run.error.message}`);
	const output = run.outputs[0] ?? [];
	const failed = new Set<number>();
	const succeeded = new Set<number>();
	output.forEach((entry, position) => {
		const paired = entry.pairedItem as { item: number } | Array<{ item: number }> | undefined;
		const itemIndex = Array.isArray(paired) ? paired[0]?.item ?? position : paired?.item ?? position;
		const message = (entry.json.error ?? entry.error?.message) as string | undefined;
		if (entry.error || entry.json.error !== undefined) {
			failed.add(itemIndex);
			const problem = refusalProblem(message, itemIndex, field);
			record(AWKWARD_VALUES[itemIndex].name, problem, false);
		} else if (!succeeded.has(itemIndex)) {
			succeeded.add(itemIndex);
			record(AWKWARD_VALUES[itemIndex].name, undefined, true);
		}
	});
	const problems = malformedRequests();
	if (server.received.length !== succeeded.size) problems.push(`${server.received.length} requests reached the partner for ${succeeded.size} items that succeeded`);
	for (const problem of problems) outcomes.malformed.push(`${label}: ${problem}`);
}

/**
 * Gives every field the operation shows the awkward values (see throwAwkwardValues); returns what
 * was malformed, which a test expects to be nothing.
 */
export async function throwAwkwardValuesAtEveryField(
	server: ContractServer,
	description: INodeTypeDescription,
	operation: WireOperation,
	outcomes: WireOutcomes,
): Promise<string[]> {
	const before = outcomes.malformed.length;
	const fields = fieldsOf(description, operation.parameters);
	outcomes.fields += fields.length;
	for (const field of fields) await throwAwkwardValues(server, operation, field, outcomes);
	return outcomes.malformed.slice(before);
}

/** The line a test prints for the README. */
export function summaryLine(node: string, operations: number, outcomes: WireOutcomes): string {
	return (
		`${node}: ${operations} operations, ${outcomes.fields} fields, ${outcomes.cases} awkward values: ` +
		`${outcomes.refused} refused before sending (naming item and field), ${outcomes.sent} sent as well-formed requests, ` +
		`${outcomes.malformed.length} malformed`
	);
}
