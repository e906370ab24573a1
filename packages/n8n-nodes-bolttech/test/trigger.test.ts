import { NodeHelpers } from 'n8n-workflow';

import { BolttechTrigger } from '../nodes/Bolttech/BolttechTrigger.node';
import { CATALOG_OPERATIONS } from '../nodes/Bolttech/resources/catalog';
import { checkCallbackSecret } from '../nodes/shared/callbacks/callbackSecret';
import { fuzzedCallbackBodies } from '../../../test/harness/fuzzBodies';
import { postJson as post } from '../../../test/harness/postJson';
import { n8nCoreLogger } from '../../../test/harness/n8nLogger';
import { TriggerServer } from '../../../test/harness/triggerServer';

const warnings = jest.spyOn(n8nCoreLogger(), 'warn');

function triggerWith(parameters: Record<string, unknown> = {}, callbackSecret?: Record<string, string>, typeVersion?: number) {
	return new TriggerServer({
		type: 'bolttechTrigger',
		parameters: parameters as never,
		credentials: callbackSecret ? { bolttechCallbackSecretApi: callbackSecret } : undefined,
		typeVersion,
	});
}


const stockCallback = { action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed', result: { stock: [] } };

describe('Bolttech Trigger', () => {
	const trigger = triggerWith({ authentication: 'none', actions: ['update_price', 'get_stock'] });
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

	it('starts a run with the callback of a selected catalog action and answers {"received": true}', async () => {
		const answer = await post(trigger.webhookUrl, stockCallback);

		expect(answer).toEqual({ status: 200, body: { received: true } });
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

describe('Bolttech Trigger with the Shared Secret parameter of a saved workflow (version 2)', () => {
	const inQuery = triggerWith({ sharedSecret: 's3cr3t-value', secretLocation: 'query' }, undefined, 2);
	const inHeader = triggerWith({ sharedSecret: 's3cr3t-value', secretLocation: 'header', headerName: 'X-Bolttech-Secret' }, undefined, 2);
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

		expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(warnings.mock.calls.at(-1)?.[0]).toBe(`Node Under Test refused a callback: ${reason}`);
		expect(inQuery.runs).toHaveLength(0);
	});

	it('still accepts the right secret in the callback URL', async () => {
		const answer = await post(`${inQuery.webhookUrl}?secret=s3cr3t-value`, stockCallback);

		expect(answer).toEqual({ status: 200, body: { received: true } });
		expect(inQuery.runs).toHaveLength(1);
		expect(JSON.stringify(inQuery.runs)).not.toContain('s3cr3t-value');
	});

	it('checks the secret in the configured header', async () => {
		expect((await post(inHeader.webhookUrl, stockCallback, { 'X-Bolttech-Secret': 'nope' })).status).toBe(401);
		expect((await post(inHeader.webhookUrl, stockCallback, { 'X-Bolttech-Secret': 's3cr3t-value' })).status).toBe(200);
		expect(inHeader.runs).toHaveLength(1);
	});
});

describe('Bolttech Trigger with a Callback Secret credential', () => {
	const trigger = triggerWith({ authentication: 'callbackSecret' }, { secret: 'cr3d-secret', location: 'query', queryParameterName: 'token' });
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => (trigger.runs.length = 0));

	it.each([
		['no secret', '', 'The callback carries no shared secret'],
		['a wrong secret', '?token=cr3d-secreT', 'The shared secret does not match'],
		['the secret under another name', '?secret=cr3d-secret', 'The callback carries no shared secret'],
	])('refuses a callback with %s with 401 and starts nothing', async (_case, query, reason) => {
		const answer = await post(`${trigger.webhookUrl}${query}`, stockCallback);

		// The same answer whatever the reason: a caller without the secret learns nothing; n8n's log says why.
		expect(answer).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(warnings.mock.calls.at(-1)?.[0]).toBe(`Node Under Test refused a callback: ${reason}`);
		expect(trigger.runs).toHaveLength(0);
	});

	it("starts a run for the credential's secret in the callback URL, with no secret in the output or the node's parameters", async () => {
		const answer = await post(`${trigger.webhookUrl}?token=cr3d-secret`, stockCallback);

		expect(answer).toEqual({ status: 200, body: { received: true } });
		expect(trigger.runs).toHaveLength(1);
		expect(JSON.stringify({ output: trigger.runs, node: trigger.savedNode })).not.toContain('cr3d-secret');
	});
});

describe('Bolttech Trigger in the editor', () => {
	const description = new BolttechTrigger().description;
	/** The parameters n8n keeps when it saves the node: those shown, with values other than their default. */
	const saved = (parameters: Record<string, unknown>) =>
		NodeHelpers.getNodeParameters(description.properties, parameters as never, false, false, { typeVersion: 2 }, description);
	/** The fields the editor shows: it fills in every default first, then asks each field's displayOptions. */
	const shown = (parameters: Record<string, unknown>) => {
		const values = NodeHelpers.getNodeParameters(description.properties, parameters as never, true, false, { typeVersion: 2 }, description);
		return description.properties
			.filter((property) => NodeHelpers.displayParameter(values!, property, { typeVersion: 2 }, description))
			.map((property) => property.name);
	};

	it('accepts the callbacks of every catalog operation by default, each named as its operation and valued by its action id', () => {
		const actions = description.properties.find((property) => property.name === 'actions');

		expect(actions?.options).toEqual(CATALOG_OPERATIONS.map(({ option, actionId }) => expect.objectContaining({ name: option.name, value: actionId })));
		expect(actions?.default).toEqual(CATALOG_OPERATIONS.map((operation) => operation.actionId));
	});

	it('starts a new node (version 3) at Authentication: Callback Secret; a saved version 2 keeps None', () => {
		const authenticationAt = (typeVersion: number) =>
			NodeHelpers.getNodeParameters(description.properties, {}, true, false, { typeVersion } as never, description)?.authentication;
		expect(description.version).toEqual([1, 2, 3]);
		expect(authenticationAt(3)).toBe('callbackSecret');
		expect(authenticationAt(2)).toBe('none');
	});

	it('refuses to activate a new node without a Callback Secret credential, and activates with one', async () => {
		const withoutSecret = await triggerWith().start();
		const withSecret = await triggerWith({}, { secret: 'v3', location: 'query', queryParameterName: 'secret' }).start();
		try {
			await expect(withoutSecret.activate()).rejects.toThrow('This trigger needs a callback secret before it can be activated');
			await withSecret.activate();
			expect(await withSecret.isRegistered()).toBe(true);
		} finally {
			await withoutSecret.stop();
			await withSecret.stop();
		}
	});

	it('offers the Callback Secret credential, and no deprecation notice on a new node', () => {
		expect(shown({})).toEqual(expect.arrayContaining(['authentication', 'sharedSecret']));
		expect(shown({})).not.toContain('sharedSecretNotice');
		expect(description.credentials).toEqual([
			expect.objectContaining({ name: 'bolttechCallbackSecretApi', displayOptions: { show: { authentication: ['callbackSecret'] } } }),
		]);
	});

	it('keeps the Shared Secret of a saved workflow, shown with a notice to move it into a credential', () => {
		const old = { sharedSecret: 'e2e-secret', secretLocation: 'header', headerName: 'X-Old' };

		expect(saved(old)).toMatchObject(old);
		expect(shown(old)).toEqual(expect.arrayContaining(['sharedSecretNotice', 'sharedSecret', 'secretLocation', 'headerName']));
	});

	it('drops the Shared Secret from the saved workflow once the credential is chosen', () => {
		const moved = saved({ authentication: 'callbackSecret', sharedSecret: 'e2e-secret', secretLocation: 'header', headerName: 'X-Old' });

		expect(moved).toEqual({ authentication: 'callbackSecret' });
		expect(shown({ authentication: 'callbackSecret', sharedSecret: 'e2e-secret' })).not.toEqual(
			expect.arrayContaining(['sharedSecret']),
		);
	});

	it.each([
		[{ secret: 's', location: 'query', queryParameterName: 'token' }, { status: 'OK', message: 'Callback URLs must end in ?token=<the secret>' }],
		[{ secret: 's', location: 'header', headerName: 'X-Partner-Secret' }, { status: 'OK', message: 'Callbacks must carry the secret in the X-Partner-Secret header' }],
		[{ secret: '', location: 'query', queryParameterName: 'secret' }, { status: 'Error', message: 'The secret is empty' }],
		[{ secret: 's', location: 'header', headerName: 'X Secret' }, { status: 'Error', message: '"X Secret" cannot be a header name' }],
	])('the credential test of %j says %j', async (data, result) => {
		const answer = await checkCallbackSecret.call({} as never, { id: '1', name: 'c', type: 'bolttechCallbackSecretApi', data });

		expect(answer).toEqual(result);
	});
});

describe('Bolttech Trigger with Respond: When the Workflow Finishes', () => {
	const trigger = triggerWith(
		{ authentication: 'callbackSecret', actions: ['get_stock'], responseMode: 'lastNode' },
		{ secret: 'finish-secret', location: 'query', queryParameterName: 'token' },
	);
	beforeAll(() => trigger.start());
	afterAll(() => trigger.stop());
	beforeEach(() => {
		trigger.runs.length = 0;
		trigger.runsFail = false;
	});
	const postRaw = async (query: string, body: unknown) => {
		const response = await fetch(`${trigger.webhookUrl}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.text() };
	};

	it("answers 200 with an empty body once the run succeeded, telling bolttech nothing of the run's data", async () => {
		expect(await postRaw('?token=finish-secret', stockCallback)).toEqual({ status: 200, body: '' });
		expect(trigger.runs[0][0].json).toMatchObject({ action_id: 'get_stock', product_code: 'RENTAL-ES-01' });
	});

	it('answers 500 when the run failed, so a bolttech that retries sends the callback again', async () => {
		trigger.runsFail = true;

		expect(await postRaw('?token=finish-secret', stockCallback)).toEqual({ status: 500, body: '{"message":"Error in workflow"}' });
	});

	it('refuses at once, as with Respond: Immediately, a wrong secret (401), an action not chosen (422) and a body that is no object (400), starting nothing', async () => {
		expect(await post(`${trigger.webhookUrl}?token=nope`, stockCallback)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
		expect(await post(`${trigger.webhookUrl}?token=finish-secret`, { action_id: 'remove_device' })).toMatchObject({ status: 422 });
		expect(await post(`${trigger.webhookUrl}?token=finish-secret`, '[1]')).toEqual({ status: 400, body: { error: 'The callback body must be a JSON object' } });
		expect(trigger.runs).toHaveLength(0);
	});
});
