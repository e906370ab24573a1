import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { partnerCredentialType } from '../authentication';
import { checkedFields, headerText, isEmptyValue, templatePlaceholderLeft, typedValue } from '../fieldTypes';
import type { FieldSpecs } from '../fieldTypes';
import type { PartnerAuthentication } from '../authentication';
import { invalidInput } from '../invalidInput';
import { JSON_API_REQUEST_DEFAULTS } from '../jsonApiRequestDefaults';
import { parseJsonObject, parseJsonValue } from '../jsonObjectParameter';
import { itemRunOf, itemRunUuid } from '../nameBasedUuid';
import { refuseValuesOutsideOptions } from '../optionValues';
import { throwPartnerErrors } from '../partnerError';
import { sendPartnerRequest } from '../partnerRequest';
import { ListReader, pagingOptionsField } from './listPages';

/**
 * The Afosto API reference types list parameters `string[]` without a format: they go as repeated keys
 * (`codes=A1&codes=B2`), which servers read as a list, rather than `codes[0]=A1`.
 */
export const AFOSTO_REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	...JSON_API_REQUEST_DEFAULTS,
	arrayFormat: 'repeat',
};

/** Afosto's largest page; the Afosto API reference names only the default (25), the sandbox serves at most this. */
const LARGEST_PAGE = 250;

/**
 * "Return All", "Limit" and "Paging Options" of the lists in `show` (the operations paged by the
 * `x-page` cursor).
 */
export function listPagingFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
		pagingOptionsField(show),
	];
}

/** How many records a list asks for: all of them, or the Limit (the fields of listPagingFields). */
function wantedRecords(context: IExecuteSingleFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	return Math.max(1, Math.floor(Number(context.getNodeParameter('limit', 50)) || 1));
}

/** preSend of lists: the page size, the Limit up to Afosto's largest page. */
export async function sendPageSize(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const pageSize = Math.min(LARGEST_PAGE, wantedRecords(this));
	requestOptions.headers = { ...requestOptions.headers, 'x-page-size': String(pageSize) };
	return requestOptions;
}

const throwAfostoErrors = throwPartnerErrors('Afosto');

/**
 * postReceive: Afosto's `{code, message, reference, errors}` becomes the n8n error (the Afosto API reference);
 * a list becomes one item per entry, as n8n does for declarative nodes without postReceive. The
 * pages of paged lists are read by their paginator (followPageCursor), not here.
 */
async function readAfostoResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	items = await throwAfostoErrors.call(this, items, response);
	if (!Array.isArray(response.body)) return items;
	return (response.body as IDataObject[]).map((json) => ({ json }));
}

/**
 * What every request of an Afosto node does: dropdown values from expressions checked against
 * the node's lists, and Afosto's answer read. `getProperties` is read on first use.
 */
export function afostoRouting(getProperties: () => INodeProperties[]): INodePropertyRouting {
	return {
		send: { preSend: [refuseValuesOutsideOptions(getProperties)] },
		output: { postReceive: [readAfostoResponse] },
	};
}

/**
 * Lists: the Afosto API reference pages them with the `x-page` request header and answers the next page's cursor
 * in the `x-page` response header; the last page has none, or no items. "Return All" follows it
 * to the end, a Limit until it has that many (more than one page when the Limit is larger). Code
 * rather than n8n's generic (expression) pagination, which evaluated three expressions per page
 * and made paging a 50,000-record list take twice as long as a plain cursor loop. Every page must
 * be a JSON list: anything else, or a page that does not come after the retries, fails the run
 * naming the page (see ListReader).
 */
export async function followPageCursor(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const wanted = wantedRecords(this);
	const list = new ListReader(this, 'list');
	return await list.read(async () => {
		let cursor: string | undefined;
		for (let number = 1; ; number++) {
			const options =
				cursor === undefined
					? requestData.options
					: { ...requestData.options, headers: { ...requestData.options.headers, 'x-page': cursor } };
			const place = { number, sent: cursor === undefined ? 'the first page, no x-page' : `x-page "${cursor}"` };
			const page = await list.requestPage(options, place);
			if (!Array.isArray(page.json)) throw list.wrongShape(place, page, 'is not a JSON list');
			for (const json of page.json as IDataObject[]) {
				list.records.push({ json });
				if (list.records.length >= wanted) return;
			}
			const next = page.headers['x-page'];
			if (page.json.length === 0 || typeof next !== 'string' || next === '') return;
			cursor = next;
		}
	});
}

/**
 * preSend: the `x-idempotency-key` of the item's request: the user's, sent as given (text an HTTP
 * header carries unchanged, else refused), or, when left empty, one derived from the execution,
 * node, run and item, so n8n's "Retry On Fail" repeats the same key and Afosto does the order once.
 */
export async function sendIdempotencyKey(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const given = this.getNodeParameter('additionalFields.xIdempotencyKey', '');
	const key = isEmptyValue(given)
		? itemRunUuid(itemRunOf(this), 'idempotency')
		: headerText(given, 'X Idempotency Key', this.getNode(), this.getItemIndex());
	requestOptions.headers = { ...requestOptions.headers, 'x-idempotency-key': key };
	return requestOptions;
}

/**
 * preSend: the query values checked against the types the Afosto API reference gives them
 * (checkedFields); a filter added but left empty is not sent, so no `?number=` goes out.
 */
export function sendCheckedQuery(queryFields: FieldSpecs) {
	return async function sendQuery(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.qs = checkedFields((requestOptions.qs ?? {}) as IDataObject, queryFields, this.getNode(), this.getItemIndex(), true);
		return requestOptions;
	};
}

/** What an Afosto request body is: an object with fields, or a list of objects or of text. */
export type AfostoBodyType = 'object' | 'object[]' | 'string[]';

/**
 * The body of the "Body (JSON)" field: it must parse and have the body's type; the fields the
 * Afosto API reference documents (of the object, or of each object of a list) must have their
 * types. The user's JSON is sent as written otherwise; `null` is refused, as no field is
 * documented to take it.
 */
function jsonModeBody(
	context: IExecuteSingleFunctions,
	bodyType: AfostoBodyType,
	fields: FieldSpecs,
	placeholders: Record<string, string>,
): IDataObject | IDataObject[] | string[] {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const raw = context.getNodeParameter('bodyJson');
	const inJson = (path: string) => `Body (JSON) ${path}`;
	if (bodyType === 'object') {
		const body = parseJsonObject(node, itemIndex, raw, 'Body (JSON)', '{"name": "…"}');
		refuseTemplatePlaceholders(context, body, placeholders);
		return checkedFields(body, fields, node, itemIndex, false, inJson);
	}
	const list = parseJsonValue(node, itemIndex, raw, 'Body (JSON)', '[{"key": "value"}] or ["a", "b"]');
	if (!Array.isArray(list)) {
		throw invalidInput(node, itemIndex, 'Body (JSON)', 'must be a JSON array', 'This operation takes a list: write it as [ … ].');
	}
	refuseTemplatePlaceholders(context, list, placeholders);
	if (bodyType === 'string[]') return typedValue(list, { field: 'Body (JSON)', type: 'string[]' }, node, itemIndex) as string[];
	return list.map((entry, index) => {
		const object = typedValue(entry, { field: inJson(`[${index}]`), type: 'object' }, node, itemIndex) as IDataObject;
		return checkedFields(object, fields, node, itemIndex, false, (wireName) => inJson(`[${index}].${wireName}`));
	});
}

/**
 * The Body (JSON) template shows each field's type where the Afosto API reference gives no
 * example value (`"is_including_vat": "boolean"`). A type name left where the template put it is
 * refused, naming where it is: sent, it would be taken as the value.
 */
function refuseTemplatePlaceholders(context: IExecuteSingleFunctions, body: unknown, placeholders: Record<string, string>): void {
	const left = templatePlaceholderLeft(body, placeholders);
	if (!left) return;
	throw invalidInput(
		context.getNode(),
		context.getItemIndex(),
		`Body (JSON) ${left.path}`,
		`is still the template's placeholder ${JSON.stringify(left.text)}`,
		`Replace it with a value, or delete the line.`,
	);
}

/**
 * A preSend for an operation with a request body. In JSON mode (the only one for list bodies) the
 * "Body (JSON)" field becomes the body (see jsonModeBody); in fields mode each field is checked
 * against its documented type (checkedFields): JSON text of an object or list is parsed, lists stay
 * lists, and a field added but left empty is not sent.
 */
export function sendJsonBody(bodyType: AfostoBodyType, fields: FieldSpecs, templatePlaceholders: Record<string, string> = {}) {
	return async function sendBody(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const mode = this.getNodeParameter('bodyMode', 'json') as string;
		requestOptions.body =
			mode === 'json'
				? jsonModeBody(this, bodyType, fields, templatePlaceholders)
				: checkedFields((requestOptions.body ?? {}) as IDataObject, fields, this.getNode(), this.getItemIndex(), true);
		return requestOptions;
	};
}

interface AfostoTask extends IDataObject {
	id?: string;
	progress?: number;
	completed_at?: string;
}

const isFinished = (task: AfostoTask) => Boolean(task.completed_at) || Number(task.progress ?? 0) >= 100;

/**
 * postReceive of the operations that start a background task (`x-task-id`, the Afosto API reference): with
 * "Wait for Task" on, polls `GET /mes/tasks/{id}` until the task is completed, within the
 * timeout, and adds the task to the output. Without it the output carries the task id.
 */
export async function waitForAfostoTask(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const taskId = response.headers['x-task-id'];
	if (typeof taskId !== 'string' || !taskId) return items;
	const options = this.getNodeParameter('taskOptions', {}) as IDataObject;
	let task: AfostoTask = { id: taskId };
	if (options.waitForTask) {
		const credentialType = partnerCredentialType('afosto', this.getNodeParameter('authentication', 'accessToken') as PartnerAuthentication);
		const timeoutMs = Math.max(1, Number(options.timeoutSeconds ?? 120)) * 1000;
		const intervalMs = Math.max(100, Number(options.pollIntervalSeconds ?? 2) * 1000);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const poll = await sendPartnerRequest(this, {
				partner: 'Afosto',
				credentialType,
				method: 'GET',
				path: `/mes/tasks/${encodeURIComponent(taskId)}`,
				itemIndex: this.getItemIndex(),
			});
			task = poll.body as AfostoTask;
			if (isFinished(task)) break;
			if (Date.now() + intervalMs > deadline) {
				throw new NodeOperationError(this.getNode(), `Afosto's task ${taskId} did not finish within ${timeoutMs / 1000} s`, {
					itemIndex: this.getItemIndex(),
					description: `It was at ${Number(task.progress ?? 0)}%. Raise "Timeout (Seconds)", or turn "Wait for Task" off and check GET /mes/tasks/${taskId} later.`,
				});
			}
			await sleep(intervalMs);
		}
	}
	const withTask = items.length ? items : [{ json: {} }];
	return withTask.map((item) => ({ ...item, json: { ...item.json, taskId, task } }));
}
