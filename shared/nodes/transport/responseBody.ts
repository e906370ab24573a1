import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/**
 * Partners whose documents show successful answers without a body: the MasStack partner API v2
 * (202 for its asynchronous operations) and v3 (200 "None"), and the Afosto API reference (204,
 * and 200 on a few operations). The bolttech documents show a JSON payload for every answer.
 */
const PARTNERS_WITH_EMPTY_ANSWERS = ['Afosto', 'MasStack'];

/** How much of an unexpected answer an error shows. */
const EXCERPT_LENGTH = 200;

export interface SuccessfulAnswer {
	partner: string;
	statusCode: number;
	body: unknown;
	itemIndex: number;
	/** "METHOD /path" where the caller knows the request. */
	request?: string;
}

const isEmptyBody = (body: unknown) =>
	body === undefined || body === null || (typeof body === 'string' && body.trim() === '');

/** What an answer that is not a JSON object or list looks like, in a few words. */
function kindOf(body: unknown): string {
	if (isEmptyBody(body)) return 'no body';
	if (typeof body !== 'string') return `a bare JSON ${typeof body}`;
	return /^\s*</.test(body) ? 'HTML' : 'text that is not JSON';
}

/** The start of an answer, with anything that looks like a token or secret masked. */
export function excerptOf(body: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
	const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
	return excerpt
		.replace(/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 ***')
		.replace(/((?:access_token|refresh_token|client_secret|password|secret|api_key|token)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1***');
}

/**
 * Throws when a 2xx answer is not what the partner documents: JSON (an object or a list), or no
 * body where the partner documents none. Malformed JSON reaches the node as text (n8n keeps the
 * body when it does not parse), an HTML page from a proxy or a maintenance page as HTML: either
 * would otherwise pass as success with the partner's answer lost. Binary answers (a Buffer, asked
 * for by the request) are what was documented and pass.
 */
export function documentedJsonOrError(node: INode, answer: SuccessfulAnswer): void {
	const { partner, statusCode, body, itemIndex, request } = answer;
	if (statusCode < 200 || statusCode >= 300 || Buffer.isBuffer(body)) return;
	if (typeof body === 'object' && body !== null) return;
	if (isEmptyBody(body) && (statusCode === 204 || PARTNERS_WITH_EMPTY_ANSWERS.includes(partner))) return;
	const begins = isEmptyBody(body) ? 'The answer was empty.' : `The answer begins: ${excerptOf(body)}`;
	throw new NodeApiError(node, {} as JsonObject, {
		message: `Item ${itemIndex}: ${partner} answered ${statusCode} with ${kindOf(body)}, not the JSON its documentation describes`,
		description: `${request ? `${request}. ` : ''}${begins}\nA proxy, firewall or maintenance page may have answered in ${partner}'s place: check the credential's Base URL, or try again later.`,
		httpCode: String(statusCode),
		itemIndex,
	});
}
