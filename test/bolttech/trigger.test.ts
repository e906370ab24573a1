import { fuzzedCallbackBodies } from '../harness/fuzzBodies';
import { postJson as post } from '../harness/postJson';
import { TriggerServer } from '../harness/triggerServer';

function triggerWith(parameters: Record<string, unknown> = {}) {
	return new TriggerServer({ type: 'bolttechTrigger', parameters: parameters as never });
}


const stockCallback = { action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed', result: { stock: [] } };

describe('Bolttech Trigger', () => {
	const trigger = triggerWith({ actions: ['update_price', 'get_stock'] });
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => (trigger.runs.length = 0));

	it('hands out a production URL and notes it while the workflow is active', async () => {
		expect(trigger.webhookUrl).toBe(`${trigger.baseUrl}/webhook/webhook-under-test/bolttech-catalog`);
		expect(await trigger.isRegistered()).toBe(false);

		await trigger.activate();
		expect(await trigger.isRegistered()).toBe(true);
		expect(trigger.staticData['node:Node Under Test']).toEqual({ callbackUrls: [trigger.webhookUrl] });

		await trigger.deactivate();
		expect(await trigger.isRegistered()).toBe(false);
	});

	it('starts a run with the callback of a selected catalog action', async () => {
		const answer = await post(trigger.webhookUrl, stockCallback);

		expect(answer.status).toBe(200);
		expect(trigger.runs).toHaveLength(1);
		expect(trigger.runs[0][0].json).toMatchObject({ ...stockCallback, receivedAt: expect.stringMatching(/^\d{4}-/) });
	});

	it('finds the action id inside configuration too', async () => {
		const answer = await post(trigger.webhookUrl, {
			configuration: { action_id: 'update_price', product_code: 'P' },
			status: 'success',
		});

		expect(answer.status).toBe(200);
		expect(trigger.runs[0][0].json.action_id).toBe('update_price');
	});

	it('refuses a callback of an action it does not accept with 422 and a reason, starting nothing', async () => {
		const answer = await post(trigger.webhookUrl, { action_id: 'remove_device', status: 'completed' });

		expect(answer).toEqual({
			status: 422,
			body: { error: 'This trigger accepts callbacks of update_price, get_stock; this one is for remove_device' },
		});
		expect(trigger.runs).toHaveLength(0);
	});

	it('answers 200 malformed and fuzzed bodies with a 4xx each and starts no run', async () => {
		const statuses = new Set<number>();
		for (const fuzzed of fuzzedCallbackBodies(200)) {
			const response = await fetch(trigger.webhookUrl, {
				method: 'POST',
				headers: { 'content-type': fuzzed.contentType },
				body: fuzzed.body,
			});
			await response.arrayBuffer();
			statuses.add(response.status);
			expect([400, 422]).toContain(response.status);
		}
		expect(trigger.runs).toHaveLength(0);
		expect([...statuses].sort()).toEqual([400, 422]);
	});
});

describe('Bolttech Trigger with a shared secret', () => {
	const inQuery = triggerWith({ sharedSecret: 's3cr3t-value', secretLocation: 'query' });
	const inHeader = triggerWith({ sharedSecret: 's3cr3t-value', secretLocation: 'header', headerName: 'X-Bolttech-Secret' });
	beforeAll(async () => {
		await inQuery.start();
		await inHeader.start();
	});
	afterAll(async () => {
		await inQuery.stop();
		await inHeader.stop();
	});

	it.each([
		['no secret', '', 'The callback carries no shared secret'],
		['a wrong secret', '?secret=s3cr3t-valuX', 'The shared secret does not match'],
	])('refuses a callback with %s with 401 and starts nothing', async (_case, query, reason) => {
		const answer = await post(`${inQuery.webhookUrl}${query}`, stockCallback);

		expect(answer).toEqual({ status: 401, body: { error: reason } });
		expect(inQuery.runs).toHaveLength(0);
	});

	it('accepts the right secret in the callback URL', async () => {
		const answer = await post(`${inQuery.webhookUrl}?secret=s3cr3t-value`, stockCallback);

		expect(answer.status).toBe(200);
		expect(inQuery.runs).toHaveLength(1);
	});

	it('checks the secret in the configured header', async () => {
		expect((await post(inHeader.webhookUrl, stockCallback, { 'X-Bolttech-Secret': 'nope' })).status).toBe(401);
		expect((await post(inHeader.webhookUrl, stockCallback, { 'X-Bolttech-Secret': 's3cr3t-value' })).status).toBe(200);
		expect(inHeader.runs).toHaveLength(1);
	});
});
