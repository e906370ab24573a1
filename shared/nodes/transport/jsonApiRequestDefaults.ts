import type {
	DeclarativeRestApiSettings,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { LET_NODE_READ_ERROR_RESPONSES } from './partnerError';
import { applyRequestTimeout, optionsField } from './requestTimeout';

/**
 * The request defaults of a partner's declarative node: the credential's base URL (a trailing
 * slash would double the paths' own), JSON answers asked for, and error responses handed to the
 * node so it can show the partner's own code and message. The JSON Content-Type goes only with a
 * body (sendContentTypeWithBody). The slashes are matched only from the first of a run
 * (`(?<!\/)`): a plain `\/+$` retries from every slash of a long run, which takes time that grows
 * with the square of its length; the credentials' own base URL expressions do the same.
 */
export const JSON_API_REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	baseURL: '={{ $credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "") }}',
	headers: { Accept: 'application/json' },
	ignoreHttpStatusErrors: LET_NODE_READ_ERROR_RESPONSES,
};

/** Whether n8n will send this body: never with GET or HEAD, nor an empty one. */
function sendsBody(requestOptions: IHttpRequestOptions): boolean {
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const { body } = requestOptions;
	if (method === 'GET' || method === 'HEAD' || body === undefined || body === null) return false;
	if (typeof body === 'string') return body.length > 0;
	return typeof body !== 'object' || Object.keys(body).length > 0;
}

const withoutHeader = (headers: IHttpRequestOptions['headers'], name: string) =>
	Object.fromEntries(Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== name));

/**
 * preSend: `Content-Type: application/json` when a body is sent, none otherwise (a GET or DELETE
 * without a body saying it carries JSON confuses strict gateways).
 */
export async function sendContentTypeWithBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const headers = withoutHeader(requestOptions.headers, 'content-type');
	const given = Object.entries(requestOptions.headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
	if (sendsBody(requestOptions)) headers['Content-Type'] = given ?? 'application/json';
	requestOptions.headers = headers;
	return requestOptions;
}

/**
 * preSend: a download (a request for a binary answer, `encoding: 'arraybuffer'`) accepts any type
 * rather than JSON: the Afosto API reference answers these with an image, a PDF or a file.
 */
export async function acceptBinaryAnswers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (requestOptions.encoding === 'arraybuffer' || requestOptions.encoding === 'stream') {
		requestOptions.headers = { ...withoutHeader(requestOptions.headers, 'accept'), Accept: '*/*' };
	}
	return requestOptions;
}

/**
 * A declarative node's "Options" (`extra` and the Request Timeout). It is the node's last property:
 * its preSend runs after every other, when the body is complete, and sets the request's timeout,
 * its Content-Type and, for downloads, its Accept header.
 */
export function declarativeOptionsField(partner: string, extra: INodeProperties[] = []): INodeProperties {
	return {
		...optionsField(extra),
		routing: { send: { preSend: [applyRequestTimeout(partner), sendContentTypeWithBody, acceptBinaryAnswers] } },
	};
}
