import { isEan, isImei } from '../../packages/n8n-nodes-bolttech/nodes/Bolttech/checkDigits';
import { retryDelaySeconds } from '../nodes/transport/retryAfter';

describe('check digits', () => {
	it.each([
		['861248007147070', true],
		['490154203237518', true],
		['861248007147071', false],
		['86124800714707', false],
		['8612480071470700', false],
		['86124800714707a', false],
	])('IMEI %s valid: %s', (imei, valid) => expect(isImei(imei)).toBe(valid));

	it.each([
		['8801643665432', true],
		['0190199723634', true],
		['96385074', true],
		['7350028569832', false],
		['8801643665433', false],
		['880164366543', false],
	])('EAN %s valid: %s', (ean, valid) => expect(isEan(ean)).toBe(valid));
});

describe('retry delay', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');

	it('follows Retry-After in seconds, capped at the maximum', () => {
		expect(retryDelaySeconds('3', 0, 60, now)).toBe(3);
		expect(retryDelaySeconds('600', 0, 60, now)).toBe(60);
	});

	it('follows Retry-After as an HTTP date', () => {
		expect(retryDelaySeconds('Mon, 23 Nov 2026 10:00:05 GMT', 0, 60, now)).toBe(5);
		expect(retryDelaySeconds('Mon, 23 Nov 2026 09:59:00 GMT', 0, 60, now)).toBe(0);
	});

	it('backs off exponentially without Retry-After', () => {
		expect([0, 1, 2, 3].map((attempt) => retryDelaySeconds(undefined, attempt, 60, now))).toEqual([1, 2, 4, 8]);
		expect(retryDelaySeconds('soon', 7, 60, now)).toBe(60);
	});
});
