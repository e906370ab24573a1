import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../validation/invalidInput';
import { asNodeError } from './partnerError';

/** How long a request waits for the partner's answer unless the node says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

const TIMEOUT_FIELD = 'Request Timeout (Seconds)';

/** The "Request Timeout (Seconds)" option of a node's "Options". */
export const requestTimeoutOption: INodeProperties = {
	displayName: TIMEOUT_FIELD,
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
	description:
		'How long to wait for the partner to answer each request before the node fails. A partner that never answers would otherwise hold the execution for n8n\'s 5 minutes.',
};

/** A node's "Options" collection: `extra` options and the Request Timeout, sorted by name as n8n shows them. */
export function optionsField(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, requestTimeoutOption].sort((first, second) => first.displayName.localeCompare(second.displayName)),
	};
}

type TimeoutContext = IExecuteFunctions | IExecuteSingleFunctions | IHookFunctions | ILoadOptionsFunctions;

/** A node parameter, whichever kind of context reads it (only a node's execute takes an item index). */
function parameterOf(context: TimeoutContext, name: string, itemIndex: number): unknown {
	if ('getItemIndex' in context || !('getInputData' in context)) {
		return (context as IExecuteSingleFunctions).getNodeParameter(name, null);
	}
	return (context as IExecuteFunctions).getNodeParameter(name, itemIndex, null);
}

/**
 * The timeout of one request in milliseconds: the node's "Request Timeout (Seconds)"; else the
 * "Request Options > Timeout" (milliseconds) n8n itself adds to declarative nodes, where a saved
 * workflow set one; else 60 s (workflows saved before the option existed get it too).
 */
export function requestTimeoutMs(context: TimeoutContext, itemIndex = 0): number {
	const own = parameterOf(context, 'options.requestTimeout', itemIndex);
	if (own !== undefined && own !== null && own !== '') {
		const seconds = Number(own);
		if (!Number.isFinite(seconds) || seconds <= 0) {
			throw invalidInput(context.getNode(), itemIndex, TIMEOUT_FIELD, `${JSON.stringify(own)} is not a positive number of seconds`, `Give the seconds to wait for an answer, e.g. ${DEFAULT_REQUEST_TIMEOUT_SECONDS}.`);
		}
		return Math.round(seconds * 1000);
	}
	const n8nTimeout = Number(parameterOf(context, 'requestOptions.timeout', itemIndex));
	if (Number.isFinite(n8nTimeout) && n8nTimeout > 0) return n8nTimeout;
	return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000;
}

const TIMEOUT_CODES = ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

/**
 * Whether a request failed because its timeout ran out: n8n wraps the HTTP client's error (code
 * ECONNABORTED, "timeout of N ms exceeded"; ETIMEDOUT where the client clarifies timeouts) in its own.
 */
export function isTimeoutError(error: unknown): boolean {
	for (let candidate = error, depth = 0; candidate && typeof candidate === 'object' && depth < 5; depth++) {
		const { code, message, cause } = candidate as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof code === 'string' && TIMEOUT_CODES.includes(code)) return true;
		if (typeof message === 'string' && /timeout of \d+ ?ms exceeded/i.test(message)) return true;
		candidate = cause;
	}
	return false;
}

export interface TimedOutRequest {
	partner: string;
	/** Method and path, without query or credentials. */
	method: string;
	path: string;
	timeoutMs: number;
	itemIndex: number;
}

/**
 * The error for a request whose timeout ran out, naming the request and the timeout. It keeps
 * n8n's error as its cause, so retries still see a network timeout.
 */
export function requestTimedOut(node: INode, error: unknown, request: TimedOutRequest): NodeOperationError {
	const seconds = request.timeoutMs / 1000;
	return new NodeOperationError(node, error instanceof Error ? error : new Error(String(error)), {
		message: `${request.partner} did not answer ${request.method} ${request.path} within ${seconds} s`,
		description: `Item ${request.itemIndex}: the request was given up after the node's ${TIMEOUT_FIELD} (under Options), ${seconds}. Raise it for an operation that takes longer, or let the node retry (Settings > Retry On Fail).`,
		itemIndex: request.itemIndex,
	});
}

/** A request's path as an error may show it: no query string, no base URL, no credentials. */
export function pathOf(url: string | undefined): string {
	const path = String(url ?? '').split('?')[0];
	try {
		return new URL(path).pathname;
	} catch {
		return path;
	}
}

type RequestHelpers = IExecuteSingleFunctions['helpers'] & { [NAMED_TIMEOUTS]?: true };
const NAMED_TIMEOUTS = Symbol('timeouts named');

/**
 * preSend: the request's timeout (requestTimeoutMs), and a timed-out request reported as
 * requestTimedOut. n8n's routing has no hook for a failed request: the item's request helper is
 * wrapped once, so the error names the request rather than "The connection was aborted".
 */
export function applyRequestTimeout(partner: string) {
	return async function sendWithTimeout(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.timeout = requestTimeoutMs(this, this.getItemIndex());
		const helpers = this.helpers as RequestHelpers;
		const send = helpers.httpRequestWithAuthentication;
		if (!helpers[NAMED_TIMEOUTS] && typeof send === 'function') {
			const node = this.getNode();
			const itemIndex = this.getItemIndex();
			helpers.httpRequestWithAuthentication = async function (this: unknown, credentialType, options, ...rest) {
				try {
					return await send.call(this as IExecuteSingleFunctions, credentialType, options, ...rest);
				} catch (error) {
					const timeoutMs = Number(options.timeout) || DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000;
					throw isTimeoutError(error)
						? requestTimedOut(node, error, { partner, method: options.method ?? 'GET', path: pathOf(options.url), timeoutMs, itemIndex })
						: asNodeError(node, error, itemIndex);
				}
			};
			helpers[NAMED_TIMEOUTS] = true;
		}
		return requestOptions;
	};
}
