import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	IgnoreStatusErrorConfig,
} from 'n8n-workflow';

import { documentedJsonOrError } from './responseBody';

/**
 * Status errors reach the node as responses, so the partner's own code and message can be shown.
 * 401 stays an error thrown by n8n itself: that is what makes n8n refresh an OAuth2 token.
 */
export const LET_NODE_READ_ERROR_RESPONSES: IgnoreStatusErrorConfig = { ignore: true, except: [401] };

function firstText(body: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = body[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

/** Lists Afosto-style `errors` (field → problems) as "field: problem" lines. */
function describeFieldErrors(errors: unknown): string | undefined {
	if (!errors || typeof errors !== 'object') return undefined;
	const lines = Array.isArray(errors)
		? errors.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)))
		: Object.entries(errors as IDataObject).map(
				([field, problem]) => `${field}: ${Array.isArray(problem) ? problem.join(', ') : String(problem)}`,
			);
	return lines.length ? lines.join('\n') : undefined;
}

export interface PartnerErrorResponse {
	partner: string;
	statusCode: number;
	body: unknown;
	itemIndex?: number;
	/** What a partner error code means and what to do about it, keyed by the partner's code. */
	hintsByCode?: Record<string, string>;
}

/**
 * The n8n error for a partner's error response. Its message carries the partner's own code and
 * message (`{code, message}` at bolttech and Afosto, `{code, title}` at MasStack); the
 * description adds the hint for that code, the reference and field errors where the partner sends them.
 */
export function partnerApiError(node: INode, response: PartnerErrorResponse): NodeApiError {
	const { partner, statusCode, body, itemIndex, hintsByCode } = response;
	const record: IDataObject =
		typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as IDataObject) : {};
	const code = firstText(record, ['code', 'error_code', 'errorCode', 'error']);
	const text =
		firstText(record, ['message', 'title', 'detail', 'error_description', 'description']) ??
		(typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : undefined);
	// Afosto's code is the HTTP status again: said once is enough.
	const ownCode = code === String(statusCode) ? undefined : code;
	const summary = [ownCode, text].filter(Boolean).join(': ') || 'no error details in the response';
	const reference = firstText(record, ['reference']);
	const details = [
		// The code is the partner's text: only the table's own entries are hints, never Object.prototype's `constructor`.
		code !== undefined && hintsByCode && Object.hasOwn(hintsByCode, code) ? hintsByCode[code] : undefined,
		reference && `Reference: ${reference}`,
		describeFieldErrors(record.errors),
	].filter(Boolean);
	return new NodeApiError(node, record as JsonObject, {
		message: `${partner} answered ${statusCode}: ${summary}`,
		description: details.length ? details.join('\n') : undefined,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/**
 * postReceive: turns a partner's 4xx/5xx response into its n8n error, and a 2xx answer that is not
 * what the partner documents into one too (documentedJsonOrError). Passes the rest through; a
 * binary answer's items do not carry its bytes as JSON (the binary postReceive adds them as binary).
 */
export function throwPartnerErrors(partner: string, hintsByCode?: Record<string, string>) {
	return async function throwOnPartnerError(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (response.statusCode >= 400) {
			throw partnerApiError(this.getNode(), {
				partner,
				statusCode: response.statusCode,
				body: response.body,
				itemIndex: this.getItemIndex(),
				hintsByCode,
			});
		}
		documentedJsonOrError(this.getNode(), { partner, statusCode: response.statusCode, body: response.body, itemIndex: this.getItemIndex() });
		if (Buffer.isBuffer(response.body)) return items.map((item) => ({ ...item, json: {} }));
		return items;
	};
}

/** An error as n8n shows it: n8n's own errors as they are, anything else (a network error) wrapped. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, error as JsonObject, { itemIndex });
}
