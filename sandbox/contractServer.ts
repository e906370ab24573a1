import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';

import { startLoopbackServer, stopServer, urlOf } from './loopbackServer';
import { schemaViolations } from './schema';
import type { Schema } from './schema';

export interface ReceivedRequest {
	route: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	pathParameters: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	body: unknown;
}

export interface ContractResponse {
	status: number;
	/** JSON, or a Buffer sent as it is (raw text, HTML, broken JSON: set its content-type in `headers`). */
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * A network fault a test injects instead of an answer: `reset` destroys the connection (the
 * client sees ECONNRESET or "socket hang up"), `hang` never answers (the client times out).
 */
export interface ContractFault {
	fault: 'reset' | 'hang';
}

/** What a scripted responder may do: answer, or fail the way a network does. */
export type ContractAnswer = ContractResponse | ContractFault;

/** Scripted answers that are network faults. */
export const connectionReset = (): ContractFault => ({ fault: 'reset' });
export const noAnswer = (): ContractFault => ({ fault: 'hang' });

export interface ContractRoute {
	/** A stable name tests use to find the route's requests and to script its answers. */
	name: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** The document's path template, `{name}` for a path parameter. */
	path: string;
	/** Header name (lower case) to the pattern its value must match. */
	requiredHeaders?: Record<string, RegExp>;
	/** Header name (lower case) to the pattern its value must match when the header is sent. */
	optionalHeaders?: Record<string, RegExp>;
	/** Path parameter name to the pattern its (decoded) value must match, e.g. an enum. */
	pathParameterPatterns?: Record<string, RegExp>;
	/** The request body's contract; a function picks it from the body (one endpoint, many actions). */
	body?: Schema | ((body: unknown) => Schema);
	/** A body is checked when sent, but may be left out (n8n sends no empty `{}` body). */
	bodyOptional?: boolean;
	/** Form-encoded bodies (OAuth2 token requests) are parsed into an object before checking; a body sent as JSON is read as JSON. */
	bodyEncoding?: 'json' | 'form';
	respond: (request: ReceivedRequest) => ContractResponse;
	/**
	 * What the partner does later, asynchronously: e.g. POST the result to the callback URL the
	 * request named. Runs only on servers started with callbacks on.
	 */
	followUp?: (request: ReceivedRequest, callBack: CallBack) => void;
}

/** POSTs a JSON body to a callback URL, as the partner would, a moment after the request. */
export type CallBack = (url: unknown, body: unknown, headers?: Record<string, string>) => void;

export interface CallbackDelivery {
	url: string;
	body: unknown;
	status?: number;
	error?: string;
}

export interface ContractServerOptions {
	/** When given, a bearer token not in the list gets the partner's 401, as a revoked one would. */
	bearerTokens?: string[];
	/** When given, routes' follow-ups run, and their callbacks go out after this delay. */
	callbackDelayMs?: number;
	/**
	 * Keep every request that arrives, routed or not, in `arrived` (the tests' wire log reads and
	 * empties it after each test). Off by default: the sandbox and the bench run for long and
	 * would keep every body they were sent.
	 */
	recordArrivals?: boolean;
}

export interface PartnerContract {
	partner: string;
	routes: ContractRoute[];
	/** The partner's own error body, used for anything off-contract. */
	errorBody: (code: string, message: string) => unknown;
}

/** The parts of a multipart/form-data body by field name: file name, content type and text. */
function multipartParts(rawBody: string, contentType: string): Record<string, { fileName?: string; contentType?: string; content: string }> {
	const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? '';
	const parts: Record<string, { fileName?: string; contentType?: string; content: string }> = {};
	for (const section of rawBody.split(`--${boundary}`)) {
		const [head, ...rest] = section.split('\r\n\r\n');
		const name = /name="([^"]*)"/.exec(head)?.[1];
		if (!name) continue;
		parts[name] = {
			fileName: /filename="([^"]*)"/.exec(head)?.[1],
			contentType: /Content-Type: ([^\r\n]+)/i.exec(head)?.[1],
			content: rest.join('\r\n\r\n').replace(/\r\n$/, ''),
		};
	}
	return parts;
}

/**
 * A real HTTP server on 127.0.0.1 that speaks a partner's contract as the partner documents describe it.
 * Every request is checked (method, path, headers, body); a request off the contract is answered
 * with the partner's 400 shape and recorded, and `assertNoViolations` fails the test with the diff.
 */
export class ContractServer {
	readonly received: ReceivedRequest[] = [];
	/** Every request that arrived, as sent, whether or not a route took it (with `recordArrivals`). */
	readonly arrived: Array<{ method: string; url: string; headers: IncomingHttpHeaders; rawBody: string }> = [];
	readonly violations: string[] = [];
	readonly deliveries: CallbackDelivery[] = [];
	private server?: Server;
	private readonly scripted = new Map<string, Array<(request: ReceivedRequest) => ContractAnswer>>();
	private readonly standing = new Map<string, (request: ReceivedRequest) => ContractAnswer>();
	private readonly hanging = new Set<ServerResponse>();
	private readonly compiledRoutes: Array<{ route: ContractRoute; pattern: RegExp; parameterNames: string[] }>;

	constructor(
		readonly contract: PartnerContract,
		private readonly options: ContractServerOptions = {},
	) {
		this.compiledRoutes = contract.routes.map((route) => {
			// split() with a capture group alternates literal text and `{name}` parameters.
			const parts = route.path.split(/\{([^}]+)\}/);
			const parameterNames = parts.filter((_part, index) => index % 2 === 1);
			const source = parts
				.map((part, index) => (index % 2 === 1 ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
				.join('');
			return { route, pattern: new RegExp(`^${source}$`), parameterNames };
		});
	}

	get url(): string {
		return urlOf(this.server, 'contract server');
	}

	async start(): Promise<this> {
		this.server = await startLoopbackServer((request, response) => void this.handle(request, response));
		return this;
	}

	async stop(): Promise<void> {
		await stopServer(this.server);
		this.server = undefined;
	}

	/** Answers the next request to `routeName` with `responder` instead of the document's example. */
	scriptNext(routeName: string, ...responders: Array<(request: ReceivedRequest) => ContractAnswer>): void {
		this.requireRoute(routeName);
		this.scripted.set(routeName, [...(this.scripted.get(routeName) ?? []), ...responders]);
	}

	/**
	 * Answers every request to `routeName` that scriptNext does not with `responder`, until reset:
	 * e.g. a list of many pages whose third page fails once.
	 */
	scriptEvery(routeName: string, responder: (request: ReceivedRequest) => ContractAnswer): void {
		this.requireRoute(routeName);
		this.standing.set(routeName, responder);
	}

	private requireRoute(routeName: string): void {
		if (!this.contract.routes.some((route) => route.name === routeName))
			throw new Error(`No route named ${routeName} in the ${this.contract.partner} contract`);
	}

	requestsTo(routeName: string): ReceivedRequest[] {
		return this.received.filter((request) => request.route === routeName);
	}

	reset(): void {
		this.received.length = 0;
		this.violations.length = 0;
		this.deliveries.length = 0;
		this.scripted.clear();
		this.standing.clear();
		for (const response of this.hanging) response.destroy();
		this.hanging.clear();
	}

	assertNoViolations(): void {
		if (this.violations.length)
			throw new Error(`Requests broke the ${this.contract.partner} contract:\n  ${this.violations.join('\n  ')}`);
	}

	/**
	 * Answers one request as the partner would; `pathname` lets a host serving several partners
	 * (the sandbox) hand over the path without its own prefix.
	 */
	async handle(request: IncomingMessage, response: ServerResponse, pathname?: string): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		if (this.options.recordArrivals) this.arrived.push({ method: request.method ?? '', url: request.url ?? '/', headers: request.headers, rawBody });
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (pathname !== undefined) url.pathname = pathname;
		const method = request.method ?? 'GET';
		const query: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const values = url.searchParams.getAll(key);
			query[key] = values.length > 1 ? values : values[0];
		}

		// Where a literal path and a parameter both match (`/groups/search`, `/groups/{id}`), the
		// route with fewer parameters is the one meant.
		const match = this.compiledRoutes
			.map((compiled) => ({ compiled, found: compiled.pattern.exec(url.pathname) }))
			.filter(({ compiled, found }) => found && compiled.route.method === method)
			.sort((first, second) => first.compiled.parameterNames.length - second.compiled.parameterNames.length)[0];
		if (!match?.found) {
			return this.refuse(response, `${method} ${url.pathname}: no such operation in the ${this.contract.partner} contract`, 404);
		}
		const { route, parameterNames } = match.compiled;
		const pathParameters = Object.fromEntries(
			parameterNames.map((name, index) => [name, decodeURIComponent(match.found![index + 1])]),
		);

		const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
		const { bearerTokens } = this.options;
		if (bearer !== undefined && bearerTokens && !bearerTokens.includes(bearer)) {
			return this.send(response, {
				status: 401,
				body: this.contract.errorBody('UNAUTHORIZED', 'The access token is invalid or expired'),
			});
		}

		const problems: string[] = [];
		for (const [header, pattern] of Object.entries(route.requiredHeaders ?? {})) {
			const value = request.headers[header];
			if (typeof value !== 'string' || !pattern.test(value))
				problems.push(`header ${header}: ${value === undefined ? 'missing' : 'has an unexpected value'}`);
		}
		for (const [header, pattern] of Object.entries(route.optionalHeaders ?? {})) {
			const value = request.headers[header];
			if (value !== undefined && (typeof value !== 'string' || !pattern.test(value)))
				problems.push(`header ${header}: ${JSON.stringify(value)} does not match ${pattern}`);
		}
		for (const [name, pattern] of Object.entries(route.pathParameterPatterns ?? {})) {
			if (!pattern.test(pathParameters[name] ?? ''))
				problems.push(`path parameter ${name}: ${JSON.stringify(pathParameters[name])} does not match ${pattern}`);
		}
		let body: unknown = undefined;
		if (rawBody.length) {
			const contentType = String(request.headers['content-type'] ?? '');
			const sentAsJson = contentType.includes('json');
			if (contentType.startsWith('multipart/form-data')) {
				body = multipartParts(rawBody, contentType);
			} else if (route.bodyEncoding === 'form' && !sentAsJson) {
				body = Object.fromEntries(new URLSearchParams(rawBody));
			} else {
				try {
					body = JSON.parse(rawBody);
				} catch {
					problems.push(`body: not JSON (${rawBody.slice(0, 80)})`);
				}
			}
		}
		if (route.body) {
			const schema = typeof route.body === 'function' ? route.body(body) : route.body;
			if (body === undefined) {
				if (!route.bodyOptional) problems.push('body: required but missing');
			}
			else problems.push(...schemaViolations(schema, body, 'body'));
		}

		const received: ReceivedRequest = {
			route: route.name,
			method,
			path: url.pathname,
			query,
			pathParameters,
			headers: request.headers,
			rawBody,
			body,
		};
		this.received.push(received);
		if (problems.length) {
			return this.refuse(response, `${route.name} (${method} ${url.pathname}): ${problems.join('; ')}`, 400);
		}
		const scripted = this.scripted.get(route.name)?.shift() ?? this.standing.get(route.name);
		const answer = (scripted ?? route.respond)(received);
		if ('fault' in answer) return this.failLikeANetwork(response, answer);
		this.send(response, answer);
		if (route.followUp && this.options.callbackDelayMs !== undefined && answer.status < 400) {
			route.followUp(received, (target, body, headers) => this.callBack(target, body, headers));
		}
	}

	/** Partners call back over the network; here only to this machine, never anywhere else. */
	private callBack(target: unknown, body: unknown, headers: Record<string, string> = {}): void {
		if (typeof target !== 'string' || !target) return;
		const delivery: CallbackDelivery = { url: target, body };
		this.deliveries.push(delivery);
		let url: URL;
		try {
			url = new URL(target);
		} catch {
			delivery.error = 'not a URL';
			return;
		}
		if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
			delivery.error = 'callbacks go only to this machine';
			return;
		}
		setTimeout(() => {
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body),
			})
				.then(async (answer) => {
					delivery.status = answer.status;
					await answer.arrayBuffer();
				})
				.catch((error: Error) => {
					delivery.error = error.message;
				});
		}, this.options.callbackDelayMs);
	}

	private failLikeANetwork(response: ServerResponse, { fault }: ContractFault): void {
		if (fault === 'reset') {
			response.socket?.resetAndDestroy();
			return;
		}
		this.hanging.add(response);
		response.on('close', () => this.hanging.delete(response));
	}

	private refuse(response: ServerResponse, problem: string, status: number): void {
		this.violations.push(problem);
		this.send(response, { status, body: this.contract.errorBody('OFF_CONTRACT', problem) });
	}

	private send(response: ServerResponse, answer: ContractResponse): void {
		const isJson = answer.body !== undefined && !Buffer.isBuffer(answer.body);
		response.writeHead(answer.status, {
			...(isJson ? { 'content-type': 'application/json' } : {}),
			...answer.headers,
		});
		response.end(isJson ? JSON.stringify(answer.body) : (answer.body as Buffer | undefined));
	}
}
