import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { LET_NODE_READ_ERROR_RESPONSES, asNodeError, partnerApiError } from './partnerError';
import { isTimeoutError, pathOf, requestTimeoutMs, requestTimedOut } from './requestTimeout';
import { documentedJsonOrError } from './responseBody';

export interface PartnerRequest {
	partner: string;
	credentialType: string;
	method: IHttpRequestMethods;
	/** The path below the credential's Base URL. */
	path: string;
	/** A JSON body, or a prepared one (e.g. multipart) with its content type in `headers`. */
	body?: IDataObject | Buffer;
	headers?: Record<string, string>;
	hintsByCode?: Record<string, string>;
	itemIndex?: number;
	/** Error statuses the caller handles itself (e.g. 404 for something that may be gone). */
	statusesHandedBack?: number[];
	/** How long to wait for the answer; by default the node's "Request Timeout (Seconds)" (requestTimeoutMs). */
	timeoutMs?: number;
}

/**
 * Where a request can come from: a programmatic operation, a declarative operation's own code
 * (preSend, postReceive), a trigger's activation, a list loaded in the editor.
 */
export type PartnerRequestContext = IExecuteFunctions | IExecuteSingleFunctions | IHookFunctions | ILoadOptionsFunctions;

/**
 * The credential's Base URL, read once per node run (per context) and credential type. In n8n
 * every getCredentials is a database read and a decryption, and httpRequestWithAuthentication
 * already does one for each request to sign it: reading the credential again for each request of
 * a price sync or a task poll would double that work for the same Base URL.
 */
const baseUrlsByContext = new WeakMap<PartnerRequestContext, Map<string, Promise<string>>>();

function credentialBaseUrl(context: PartnerRequestContext, credentialType: string): Promise<string> {
	const baseUrls = baseUrlsByContext.get(context) ?? new Map<string, Promise<string>>();
	baseUrlsByContext.set(context, baseUrls);
	let baseUrl = baseUrls.get(credentialType);
	if (!baseUrl) {
		// Trailing slashes matched from the first of a run only, in linear time (JSON_API_REQUEST_DEFAULTS).
		baseUrl = context.getCredentials<{ baseUrl: string }>(credentialType).then(({ baseUrl: url }) => String(url).replace(/(?<!\/)\/+$/, ''));
		// A failed read is not kept: the next request asks again and fails (or succeeds) on its own.
		baseUrl.catch(() => baseUrls.delete(credentialType));
		baseUrls.set(credentialType, baseUrl);
	}
	return baseUrl;
}

/**
 * Sends one JSON request signed by the node's credential, from programmatic code. A partner
 * error response becomes the n8n error with the partner's own code and message (see
 * partnerApiError); a 401 stays n8n's, so it can refresh an OAuth2 token first. A 2xx answer that
 * is not the JSON the partner documents, and a request that is not answered within its timeout,
 * fail with errors that say so.
 */
export async function sendPartnerRequest(context: PartnerRequestContext, request: PartnerRequest): Promise<IN8nHttpFullResponse> {
	const baseUrl = await credentialBaseUrl(context, request.credentialType);
	const itemIndex = request.itemIndex ?? 0;
	const prepared = Buffer.isBuffer(request.body);
	const timeoutMs = request.timeoutMs ?? requestTimeoutMs(context, itemIndex);
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, request.credentialType, {
			method: request.method,
			url: `${baseUrl}${request.path}`,
			...(request.body !== undefined ? { body: request.body } : {}),
			json: !prepared,
			headers: { Accept: 'application/json', ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: LET_NODE_READ_ERROR_RESPONSES,
			timeout: timeoutMs,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw isTimeoutError(error)
			? requestTimedOut(context.getNode(), error, { partner: request.partner, method: request.method, path: pathOf(request.path), timeoutMs, itemIndex })
			: asNodeError(context.getNode(), error, itemIndex);
	}
	if (prepared && (typeof response.body === 'string' || Buffer.isBuffer(response.body))) {
		const text = response.body.toString();
		try {
			response.body = text ? JSON.parse(text) : {};
		} catch {
			response.body = text;
		}
	}
	if (response.statusCode >= 400 && !request.statusesHandedBack?.includes(response.statusCode)) {
		throw partnerApiError(context.getNode(), {
			partner: request.partner,
			statusCode: response.statusCode,
			body: response.body,
			itemIndex,
			hintsByCode: request.hintsByCode,
		});
	}
	documentedJsonOrError(context.getNode(), {
		partner: request.partner,
		statusCode: response.statusCode,
		body: response.body,
		itemIndex,
		request: `${request.method} ${pathOf(request.path)}`,
	});
	return response;
}
