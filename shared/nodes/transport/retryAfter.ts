/**
 * Seconds to wait before retrying, from a Retry-After header (delta-seconds or an HTTP date),
 * else exponential back-off from one second; never more than `maxSeconds`.
 */
export function retryDelaySeconds(retryAfter: unknown, attempt: number, maxSeconds: number, now = Date.now()): number {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	let seconds = 2 ** attempt;
	if (typeof header === 'string' && header.trim()) {
		const asNumber = Number(header.trim());
		if (Number.isFinite(asNumber)) seconds = asNumber;
		else {
			const date = Date.parse(header);
			if (!Number.isNaN(date)) seconds = (date - now) / 1000;
		}
	}
	return Math.min(Math.max(seconds, 0), maxSeconds);
}
