import { NodeHelpers } from 'n8n-workflow';

import { MasStackTrigger } from '../nodes/MasStack/MasStackTrigger.node';
import { fuzzedCallbackBodies } from '../../../test/harness/fuzzBodies';
import { postJson as post } from '../../../test/harness/postJson';
import { n8nCoreLogger } from '../../../test/harness/n8nLogger';
import { TriggerServer } from '../../../test/harness/triggerServer';


/** The MasStack partner API v3's serviceCallbackDTO. */
const callback = { code: 'OK', title: 'Barring updated', service_id: '34600000001' };
const correlationId = '5b0c7a52-3a9b-4c51-9d67-0d3f6c1e2a10';

describe('MasStack Trigger', () => {
	const trigger = new TriggerServer({ type: 'masStackTrigger', parameters: { authentication: 'none' } });
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
			expect(answer).toEqual({ status: 200, body: { received: true } });
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

describe('MasStack Trigger limited to some operations, with the Shared Secret parameter of a saved workflow', () => {
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		// A workflow saved with version 2, before the Callback Secret credential.
		typeVersion: 2,
		parameters: { operations: ['refund'], sharedSecret: 'ms-secret', secretLocation: 'header', headerName: 'X-Callback-Secret' },
	});
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());

	it('refuses a wrong secret with 401 before anything else', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/refund/success'), callback, { 'X-Callback-Secret': 'ms-secreT' });

		expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized' } });
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

describe('MasStack Trigger with a Callback Secret credential', () => {
	const credential = { secret: 'ms-credential-secret', location: 'header', headerName: 'X-MasStack-Secret' };
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		parameters: { authentication: 'callbackSecret', operations: ['refund'] },
		credentials: { masStackCallbackSecretApi: credential },
	});
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => (trigger.runs.length = 0));
	const warnings = jest.spyOn(n8nCoreLogger(), 'warn');

	it.each([
		['no secret', {}, 'The callback carries no shared secret'],
		['a wrong secret', { 'X-MasStack-Secret': 'ms-credential-secreT' }, 'The shared secret does not match'],
		['the secret in another header', { 'X-Callback-Secret': 'ms-credential-secret' }, 'The callback carries no shared secret'],
	])('refuses a callback with %s with 401 and starts nothing', async (_case, headers, reason) => {
		const answer = await post(trigger.webhookUrlFor('masstack/refund/success'), callback, headers);

		// The same answer whatever the reason: a caller without the secret learns nothing; n8n's log says why.
		expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(warnings.mock.calls.at(-1)?.[0]).toBe(`Node Under Test refused a callback: ${reason}`);
		expect(trigger.runs).toHaveLength(0);
	});

	it("starts a run for a callback carrying the credential's secret, with no secret in the output or the node's parameters", async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/refund/success'), callback, { 'X-MasStack-Secret': 'ms-credential-secret' });

		expect(answer).toEqual({ status: 200, body: { received: true } });
		expect(trigger.runs[0][0].json).toMatchObject({ operation: 'refund', outcome: 'success' });
		// What n8n saves with an execution: the node's parameters (in the workflow) and its output.
		expect(JSON.stringify({ output: trigger.runs, node: trigger.savedNode })).not.toContain('ms-credential-secret');
	});
});

describe('MasStack Trigger with both a credential and the old Shared Secret parameter', () => {
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		parameters: { authentication: 'callbackSecret', sharedSecret: 'old-secret', secretLocation: 'header', headerName: 'X-Callback-Secret' },
		credentials: { masStackCallbackSecretApi: { secret: 'new-secret', location: 'query', queryParameterName: 'token' } },
	});
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());

	it('checks the credential\'s secret and ignores the old parameter once the credential is chosen', async () => {
		const url = trigger.webhookUrlFor('masstack/barring/error');

		expect((await post(url, callback, { 'X-Callback-Secret': 'old-secret' })).status).toBe(401);
		expect(await post(`${url}?token=new-secret`, callback)).toEqual({ status: 200, body: { received: true } });
	});
});

describe('MasStack Trigger with a Callback Secret credential saved without a secret', () => {
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		parameters: { authentication: 'callbackSecret' },
		credentials: { masStackCallbackSecretApi: { secret: '', location: 'query', queryParameterName: 'secret' } },
	});
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());

	it('refuses every callback with 401 rather than accept them all', async () => {
		const answer = await post(trigger.webhookUrlFor('masstack/barring/success'), callback);

		expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(trigger.runs).toHaveLength(0);
	});
});

describe('a new MasStack Trigger (version 3): secure by default', () => {
	const { description } = new MasStackTrigger();
	const authenticationAt = (typeVersion: number) =>
		NodeHelpers.getNodeParameters(description.properties, {}, true, false, { typeVersion } as never, description)?.authentication;

	it('starts with Authentication: Callback Secret, where workflows saved with version 1 or 2 keep None', () => {
		expect(description.version).toEqual([1, 2, 3]);
		expect(authenticationAt(3)).toBe('callbackSecret');
		expect(authenticationAt(2)).toBe('none');
		expect(authenticationAt(1)).toBe('none');
	});

	it('refuses to activate without a Callback Secret credential, saying what to do', async () => {
		const trigger = await new TriggerServer({ type: 'masStackTrigger', parameters: {} }).start();
		try {
			await expect(trigger.activate()).rejects.toThrow('This trigger needs a callback secret before it can be activated');
			expect(JSON.stringify(trigger.staticData)).not.toContain('callbackUrls');
		} finally {
			await trigger.stop();
		}
	});

	it('refuses to activate with a credential that holds no secret', async () => {
		const trigger = await new TriggerServer({
			type: 'masStackTrigger',
			parameters: {},
			credentials: { masStackCallbackSecretApi: { secret: '', location: 'query', queryParameterName: 'secret' } },
		}).start();
		try {
			await expect(trigger.activate()).rejects.toThrow('needs a callback secret');
		} finally {
			await trigger.stop();
		}
	});

	it('activates with a secret and then takes only callbacks that carry it', async () => {
		const trigger = await new TriggerServer({
			type: 'masStackTrigger',
			parameters: {},
			credentials: { masStackCallbackSecretApi: { secret: 'v3-secret', location: 'query', queryParameterName: 'secret' } },
		}).start();
		try {
			await trigger.activate();
			expect(await trigger.isRegistered()).toBe(true);
			const url = trigger.webhookUrlFor('masstack/barring/success');
			expect(await post(url, callback)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
			expect(await post(`${url}?secret=v3-secret`, callback)).toEqual({ status: 200, body: { received: true } });
		} finally {
			await trigger.stop();
		}
	});

	it('activates with Authentication: None chosen on purpose', async () => {
		const trigger = await new TriggerServer({ type: 'masStackTrigger', parameters: { authentication: 'none' } }).start();
		try {
			await trigger.activate();
			expect(await trigger.isRegistered()).toBe(true);
		} finally {
			await trigger.stop();
		}
	});
});

describe('MasStack Trigger with Respond: When the Workflow Finishes', () => {
	const credential = { secret: 'ms-finish-secret', location: 'header', headerName: 'X-MasStack-Secret' };
	const trigger = new TriggerServer({
		type: 'masStackTrigger',
		parameters: { authentication: 'callbackSecret', operations: ['refund'], responseMode: 'lastNode' },
		credentials: { masStackCallbackSecretApi: credential },
	});
	const signed = { 'X-MasStack-Secret': 'ms-finish-secret', 'Request-Correlation-Id': correlationId };
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => {
		trigger.runs.length = 0;
		trigger.runsFail = false;
	});
	const postRaw = async (url: string, headers: Record<string, string>) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(callback) });
		return { status: response.status, body: await response.text() };
	};

	it('answers 200 with an empty body once the run succeeded, telling the partner nothing of the run\'s data', async () => {
		const answer = await postRaw(trigger.webhookUrlFor('masstack/refund/success'), signed);

		expect(answer).toEqual({ status: 200, body: '' });
		expect(trigger.runs[0][0].json).toMatchObject({ operation: 'refund', outcome: 'success', service_id: '34600000001' });
	});

	it('answers 500 when the run failed, so a partner that retries sends the callback again', async () => {
		trigger.runsFail = true;

		expect(await postRaw(trigger.webhookUrlFor('masstack/refund/error'), signed)).toEqual({ status: 500, body: '{"message":"Error in workflow"}' });
		expect(trigger.runs).toHaveLength(1);
	});

	it('refuses at once, as with Respond: Immediately, a wrong secret (401) and an operation not chosen (400), starting nothing', async () => {
		expect(await post(trigger.webhookUrlFor('masstack/refund/success'), callback, { 'X-MasStack-Secret': 'nope' })).toEqual({
			status: 401,
			body: { error: 'Unauthorized' },
		});
		expect(await post(trigger.webhookUrlFor('masstack/barring/success'), callback, signed)).toEqual({
			status: 400,
			body: { error: 'This trigger does not accept barringUpdate callbacks' },
		});
		expect(await post(trigger.webhookUrlFor('masstack/refund/success'), { code: 'OK' }, signed)).toMatchObject({ status: 400 });
		expect(trigger.runs).toHaveLength(0);
	});
});
