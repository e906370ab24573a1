import { fuzzedCallbackBodies } from '../harness/fuzzBodies';
import { postJson as post } from '../harness/postJson';
import { TriggerServer } from '../harness/triggerServer';


/** The MasStack partner API v3's serviceCallbackDTO. */
const callback = { code: 'OK', title: 'Barring updated', service_id: '34600000001' };
const correlationId = '5b0c7a52-3a9b-4c51-9d67-0d3f6c1e2a10';

describe('MasStack Trigger', () => {
	const trigger = new TriggerServer({ type: 'masStackTrigger', parameters: {} });
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => (trigger.runs.length = 0));

	it.each([
		['barring', 'barringUpdate'],
		['service', 'serviceCreation'],
		['device', 'deviceUpdate'],
		['refund', 'refund'],
	])('tells a %s callback and its outcome apart by the URL it arrived at', async (path, operation) => {
		for (const outcome of ['success', 'error']) {
			const answer = await post(trigger.webhookUrlFor(`masstack/${path}/${outcome}`), callback, {
				'Request-Correlation-Id': correlationId,
			});
			expect(answer.status).toBe(200);
		}

		expect(trigger.runs.map((run) => run[0].json)).toEqual(
			['success', 'error'].map((outcome) => ({
				operation,
				outcome,
				code: 'OK',
				title: 'Barring updated',
				service_id: '34600000001',
				requestCorrelationId: correlationId,
				receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			})),
		);
	});

	it('notes all eight callback URLs while the workflow is active', async () => {
		await trigger.activate();

		const urls = (trigger.staticData['node:Node Under Test'] as { callbackUrls: string[] }).callbackUrls;
		expect(urls).toHaveLength(8);
		expect(urls).toContain(trigger.webhookUrlFor('masstack/refund/error'));
		expect(await trigger.isRegistered()).toBe(true);

		await trigger.deactivate();
		expect(await trigger.isRegistered()).toBe(false);
	});

	it('refuses a callback without code, title or service_id with 400 and a reason, starting nothing', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/barring/success'), { code: 'OK', service_id: '' });

		expect(answer).toEqual({
			status: 400,
			body: { error: 'The callback lacks title, service_id (MasStack sends code, title and service_id)' },
		});
		expect(trigger.runs).toHaveLength(0);
	});

	it('answers 200 malformed and fuzzed bodies with 400 each and starts no run', async () => {
		for (const fuzzed of fuzzedCallbackBodies(200, 7)) {
			const response = await fetch(trigger.webhookUrlFor('masstack/service/error'), {
				method: 'POST',
				headers: { 'content-type': fuzzed.contentType },
				body: fuzzed.body,
			});
			await response.arrayBuffer();
			expect(response.status).toBe(400);
		}
		expect(trigger.runs).toHaveLength(0);
	});
});

describe('MasStack Trigger limited to some operations, with a shared secret', () => {
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		parameters: { operations: ['refund'], sharedSecret: 'ms-secret', secretLocation: 'header', headerName: 'X-Callback-Secret' },
	});
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());

	it('refuses a wrong secret with 401 before anything else', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/refund/success'), callback, { 'X-Callback-Secret': 'ms-secreT' });

		expect(answer).toEqual({ status: 401, body: { error: 'The shared secret does not match' } });
		expect(trigger.runs).toHaveLength(0);
	});

	it('refuses callbacks of operations it was not set to accept', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/barring/success'), callback, { 'X-Callback-Secret': 'ms-secret' });

		expect(answer).toEqual({ status: 400, body: { error: 'This trigger does not accept barringUpdate callbacks' } });
	});

	it('starts a run for an accepted operation with the right secret', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/refund/error'), callback, { 'X-Callback-Secret': 'ms-secret' });

		expect(answer.status).toBe(200);
		expect(trigger.runs[0][0].json).toMatchObject({ operation: 'refund', outcome: 'error', requestCorrelationId: null });
	});
});
