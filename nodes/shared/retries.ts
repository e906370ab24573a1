import { sleep } from 'n8n-workflow';

import { retryDelaySeconds } from './retryAfter';

/** How often and how long a request may be tried again (the "Max Retries" options of a node). */
export interface RetryPolicy {
	maxRetries: number;
	maxRetryWaitSeconds: number;
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

/**
 * Sends with `send` until the answer is not a retryable status, or the retries are used up; a
 * retryable network error is tried again as well, the last one thrown. Waits what the partner asks
 * for in Retry-After, else 1, 2, 4… seconds, never more than the policy's maximum. `send` must
 * hand retryable statuses back as answers, not throw them.
 */
export async function sendWithRetries<T extends Answer>(
	policy: RetryPolicy,
	send: (attempt: number) => Promise<T>,
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
			await sleep(retryDelaySeconds(undefined, attempt - 1, policy.maxRetryWaitSeconds) * 1000);
			continue;
		}
		const { answer } = outcome;
		if (!retriesLeft || !RETRYABLE_STATUSES.includes(answer.statusCode)) return { answer, attempts: attempt };
		await sleep(retryDelaySeconds(answer.headers['retry-after'], attempt - 1, policy.maxRetryWaitSeconds) * 1000);
	}
}
