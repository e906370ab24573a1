import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { LET_NODE_READ_ERROR_RESPONSES, partnerApiError } from './partnerError';

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
	/** How long to wait for the answer before the request fails as a timeout; n8n's default (5 minutes) when left out. */
	timeoutMs?: number;
}

/**
 * Where a request can come from: a programmatic operation, a declarative operation's own code
 * (preSend, postReceive), a trigger's activation, a list loaded in the editor.
 */
export type PartnerRequestContext = IExecuteFunctions | IExecuteSingleFunctions | IHookFunctions | ILoadOptionsFunctions;

/**
 * Sends one JSON request signed by the node's credential, from programmatic code. A partner
 * error response becomes the n8n error with the partner's own code and message (see
 * partnerApiError); a 401 stays n8n's, so it can refresh an OAuth2 token first.
 */
export async function sendPartnerRequest(context: PartnerRequestContext, request: PartnerRequest): Promise<IN8nHttpFullResponse> {
	const { baseUrl } = await context.getCredentials<{ baseUrl: string }>(request.credentialType);
	const prepared = Buffer.isBuffer(request.body);
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, request.credentialType, {
		method: request.method,
		url: `${String(baseUrl).replace(/\/+$/, '')}${request.path}`,
		...(request.body !== undefined ? { body: request.body } : {}),
		json: !prepared,
		headers: { Accept: 'application/json', ...request.headers },
		returnFullResponse: true,
		...(request.timeoutMs ? { timeout: request.timeoutMs } : {}),
		ignoreHttpStatusErrors: LET_NODE_READ_ERROR_RESPONSES,
	})) as IN8nHttpFullResponse;
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
			itemIndex: request.itemIndex ?? 0,
			hintsByCode: request.hintsByCode,
		});
	}
	return response;
}
