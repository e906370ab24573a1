import { sleep } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { retryDelaySeconds } from './retryAfter';

/** How often and how long a request may be tried again (the "Max Retries" options of a node). */
export interface RetryPolicy {
	maxRetries: number;
	maxRetryWaitSeconds: number;
}

/** Three retries, none waiting more than a minute: what a node does when its options set nothing. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxRetryWaitSeconds: 60 };

/**
 * The options that bound a node's retries, for its options collection: "Max Retries per <unit>"
 * (`maxRetries`) and "Max Wait per Retry (Seconds)" (`maxRetryWaitSeconds`), defaulting to
 * DEFAULT_RETRY_POLICY (written out: n8n's lint reads defaults as literals). retryPolicyOf reads
 * them back.
 */
export function retryPolicyOptions(unit: string): INodeProperties[] {
	return [
		{
			displayName: `Max Retries per ${unit}`,
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description: `How often a ${unit.toLowerCase()} answered 429, 500, 502, 503 or 504, or not answered at all (a reset connection, a timeout), is asked for again before the run fails`,
		},
		{
			displayName: 'Max Wait per Retry (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: 'Upper bound for each wait before a retry: the wait the partner asks for in Retry-After, else 1, 2, 4… seconds',
		},
	];
}

/** A count from an option, or the fallback when it is not a number of at least zero. */
function atLeastZero(value: unknown, fallback: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : fallback;
}

/** The policy that the options of retryPolicyOptions set; what is not set keeps its default. */
export function retryPolicyOf(options: IDataObject | undefined): RetryPolicy {
	return {
		maxRetries: Math.floor(atLeastZero(options?.maxRetries, DEFAULT_RETRY_POLICY.maxRetries)),
		maxRetryWaitSeconds: atLeastZero(options?.maxRetryWaitSeconds, DEFAULT_RETRY_POLICY.maxRetryWaitSeconds),
	};
}

/**
 * Statuses after which the same request may succeed later: rate limiting and the gateway and
 * availability errors of a partner under load or in maintenance (HTTP semantics; none of the
 * partner documents says otherwise).
 */
export const RETRYABLE_STATUSES = [429, 500, 502, 503, 504];

const RETRYABLE_NETWORK_CODES = ['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN'];

/**
 * Whether an error thrown by a request is the network's (a reset, a refused connection, a timeout).
 * n8n wraps the HTTP client's error (a timeout: ECONNABORTED, "timeout of N ms exceeded") in its
 * own, and the node's timeout error (requestTimedOut) wraps n8n's: the causes are followed.
 */
export function isRetryableNetworkError(error: unknown): boolean {
	for (let candidate = error, depth = 0; candidate && typeof candidate === 'object' && depth < 5; depth++) {
		const { code, message, cause } = candidate as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.includes(code)) return true;
		if (typeof message === 'string' && /socket hang up|timeout of \d+ ?ms exceeded|ECONNRESET|ETIMEDOUT/i.test(message)) return true;
		candidate = cause;
	}
	return false;
}

interface Answer {
	statusCode: number;
	headers: Record<string, unknown>;
}

/** A retry about to happen: after which attempt, how long it waits, and why (a status or a network error). */
export interface RetryNotice {
	attempt: number;
	waitSeconds: number;
	statusCode?: number;
	error?: unknown;
}

/**
 * Sends with `send` until the answer is not a retryable status, or the retries are used up; a
 * retryable network error is tried again as well, the last one thrown. Waits what the partner asks
 * for in Retry-After, else 1, 2, 4… seconds, never more than the policy's maximum. `send` must
 * hand retryable statuses back as answers, not throw them. `onRetry` hears of each retry before
 * its wait (for a log line).
 */
export async function sendWithRetries<T extends Answer>(
	policy: RetryPolicy,
	send: (attempt: number) => Promise<T>,
	onRetry?: (notice: RetryNotice) => void,
): Promise<{ answer: T; attempts: number }> {
	for (let attempt = 1; ; attempt++) {
		const retriesLeft = attempt <= policy.maxRetries;
		// The caller's own error (n8n's, with the partner's words) goes up as it is, once retries are over.
		const outcome = await send(attempt).then(
			(answer) => ({ answer }),
			(error: unknown) => ({ error }),
		);
		if ('error' in outcome) {
			if (!retriesLeft || !isRetryableNetworkError(outcome.error)) throw outcome.error;
			const waitSeconds = retryDelaySeconds(undefined, attempt - 1, policy.maxRetryWaitSeconds);
			onRetry?.({ attempt, waitSeconds, error: outcome.error });
			await sleep(waitSeconds * 1000);
			continue;
		}
		const { answer } = outcome;
		if (!retriesLeft || !RETRYABLE_STATUSES.includes(answer.statusCode)) return { answer, attempts: attempt };
		const waitSeconds = retryDelaySeconds(answer.headers['retry-after'], attempt - 1, policy.maxRetryWaitSeconds);
		onRetry?.({ attempt, waitSeconds, statusCode: answer.statusCode });
		await sleep(waitSeconds * 1000);
	}
}
