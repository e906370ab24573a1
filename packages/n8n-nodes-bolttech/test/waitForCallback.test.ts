import type { INodeParameters } from 'n8n-workflow';

import { STOCK_EXAMPLE, bolttechContract } from '../../../sandbox/contracts/bolttech';
import { BOLTTECH_TOKEN, useBolttechServer } from '../../../test/harness/bolttechSetup';
import type { ContractServer } from '../../../sandbox/contractServer';
import { postJson } from '../../../test/harness/postJson';
import { runNode } from '../../../scripts/n8nCore/runNode';
import { WaitingRun } from '../../../test/harness/waitingRun';
import { useContractServer } from '../../../test/harness/useContractServer';

/** bolttech as the bolttech Catalog API (v4.1) and Verify IMEI (v4) describes it, calling back 20 ms after a catalog action. */
const callingBack = useContractServer(bolttechContract, [BOLTTECH_TOKEN], { callbackDelayMs: 20 });
/** The same contract, but bolttech never calls back. */
const { server: silent } = useBolttechServer();

const credentialsFor = (server: ContractServer) => ({ bolttechApi: { baseUrl: server.url, accessToken: BOLTTECH_TOKEN } });
const getStock = { resource: 'catalog', operation: 'getStock', waitForCallback: true, productCode: 'RENTAL-ES-01', timeoutMinutes: 10 };

const runs: WaitingRun[] = [];
async function startWaiting(parameters: INodeParameters, server = callingBack) {
	const run = new WaitingRun({ type: 'bolttech', parameters, credentials: credentialsFor(server) });
	runs.push(run);
	const first = await run.start();
	return { run, first };
}
afterEach(async () => {
	await Promise.all(runs.splice(0).map((run) => run.stop()));
});

describe('Bolttech: Wait for Callback', () => {
	it("Get Stock gives bolttech this execution's resume URL as callback_url and continues on Success with the callback", async () => {
		const { run, first } = await startWaiting({ ...getStock, stockFilters: { partnerDeviceIds: ['DEV123456'] } });

		expect(first.error).toBeUndefined();
		expect(run.isWaiting).toBe(true);
		callingBack.assertNoViolations();
		const { configuration, payload } = callingBack.requestsTo('catalogAction')[0].body as {
			configuration: Record<string, string>;
			payload: unknown;
		};
		expect(configuration).toEqual({
			action_id: 'get_stock',
			product_code: 'RENTAL-ES-01',
			callback_url: expect.stringMatching(new RegExp(`^${run.baseUrl}/webhook-waiting/\\d+/success\\?signature=\\w+&wait=[\\w-]{24}$`)),
		});
		expect(payload).toEqual({ partner_device_id: ['DEV123456'] });

		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ outcome: 'success', action_id: 'get_stock', product_code: 'RENTAL-ES-01', result: STOCK_EXAMPLE }),
			}),
		]);
		expect(resumed.outputs[1]).toEqual([]);
		expect(resumed.outputs[2]).toEqual([]);
	});

	it('sends the same payload waiting as not waiting for the same fields (Get Rental Pricing)', async () => {
		const parameters = {
			...getStock,
			operation: 'getRentalPricing',
			pricingFilters: { customerType: 'b2c', deviceTypes: ['smartphone'], pricingIds: ['PL-1', 'PL-2'], warehouseCode: 'WH-MAIN' },
		};
		await runNode({ type: 'bolttech', parameters: { ...parameters, waitForCallback: false }, credentials: credentialsFor(silent) });
		await startWaiting(parameters, silent);

		silent.assertNoViolations();
		const [notWaiting, waiting] = silent.requestsTo('catalogAction').map((request) => request.body as { payload: unknown });
		expect(waiting.payload).toEqual(notWaiting.payload);
		expect(waiting.payload).toEqual({ customer_type: 'b2c', device_type: ['smartphone'], pricing_id_list: ['PL-1', 'PL-2'], warehouse_code: 'WH-MAIN' });
	});

	it('Remove Device sends the device in the chosen key style', async () => {
		const { run } = await startWaiting({ ...getStock, operation: 'removeDevice', partnerDeviceId: 'DEV-1', payloadKeyStyle: 'camelCase' });

		callingBack.assertNoViolations();
		expect(callingBack.requestsTo('catalogAction')[0].body).toMatchObject({
			configuration: { action_id: 'remove_device' },
			payload: { partnerDeviceId: 'DEV-1' },
		});
		expect((await run.resumed).outputs[0]).toHaveLength(1);
	});

	it('continues on Error when the callback reports a failure', async () => {
		const { run } = await startWaiting(getStock, silent);
		const callbackUrl = (silent.requestsTo('catalogAction')[0].body as { configuration: { callback_url: string } }).configuration.callback_url;

		expect((await postJson(callbackUrl, { action_id: 'get_stock', status: 'failed', reason: 'Unknown product' })).status).toBe(200);

		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([]);
		expect(resumed.outputs[1]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'error', status: 'failed', reason: 'Unknown product' }) }),
		]);
	});

	it('keeps waiting on a callback that is not a JSON object, and ends on Timed Out without a callback', async () => {
		const { run } = await startWaiting(getStock, silent);
		const callbackUrl = (silent.requestsTo('catalogAction')[0].body as { configuration: { callback_url: string } }).configuration.callback_url;

		expect((await postJson(callbackUrl, '[1, 2]')).status).toBe(400);
		expect(run.isWaiting).toBe(true);

		const timedOut = await run.timeOut();
		expect(timedOut.outputs[2]).toEqual([
			expect.objectContaining({
				json: { action_id: 'get_stock', product_code: 'RENTAL-ES-01', outcome: 'timeout', title: 'No callback from bolttech within 10 minutes' },
			}),
		]);
	});

	it('answers 409 to a callback for another action (another wait\'s URL, action_id or product_code) and leaves the wait as it was; its own callback then resumes it', async () => {
		const { run } = await startWaiting(getStock, silent);
		const callbackUrl = (silent.requestsTo('catalogAction')[0].body as { configuration: { callback_url: string } }).configuration.callback_url;
		const anotherWait = new URL(callbackUrl);
		anotherWait.searchParams.set('wait', 'AAAAAAAAAAAAAAAAAAAAAAAA');
		const callback = { action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed' };

		expect(await postJson(anotherWait.toString(), callback)).toEqual({
			status: 409,
			body: { error: 'This callback URL is not the one of the request this execution is waiting for; the wait goes on' },
		});
		expect(await postJson(callbackUrl, { ...callback, action_id: 'remove_device' })).toEqual({
			status: 409,
			body: { error: 'The callback\'s action_id "remove_device" is not the action_id "get_stock" of the request this execution is waiting for; the wait goes on' },
		});
		expect((await postJson(callbackUrl, { ...callback, configuration: { product_code: 'RENTAL-PT-02' }, product_code: undefined })).status).toBe(409);
		expect(run.isWaiting).toBe(true);

		expect(await postJson(callbackUrl, callback)).toEqual({ status: 200, body: { received: true } });
		expect((await run.resumed).outputs[0]).toEqual([expect.objectContaining({ json: expect.objectContaining({ outcome: 'success', action_id: 'get_stock' }) })]);
	});

	it("keeps its own outcome and identifiers over the callback's fields of the same names", async () => {
		const { run } = await startWaiting(getStock, silent);
		const callbackUrl = (silent.requestsTo('catalogAction')[0].body as { configuration: { callback_url: string } }).configuration.callback_url;

		// Without action_id or product_code the callback names no other action; its `outcome` is only data.
		expect((await postJson(callbackUrl, { outcome: 'error', status: 'completed', count: 3 })).status).toBe(200);

		expect((await run.resumed).outputs[0]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'success', action_id: 'get_stock', product_code: 'RENTAL-ES-01', count: 3 }) }),
		]);
	});

	it.each([
		[{ productCode: '={{ "" }}' }, 'Item 0: "Product Code" is empty'],
		[{ operation: 'removeDevice', partnerDeviceId: '={{ "" }}' }, 'Item 0: "Partner Device ID" is empty'],
	])('refuses %j before sending', async (change, message) => {
		const result = await runNode({ type: 'bolttech', parameters: { ...getStock, ...change }, credentials: credentialsFor(silent) });

		expect(result.error?.message).toBe(message);
		expect(silent.received).toHaveLength(0);
	});

	it("shows bolttech's refusal with its code and message", async () => {
		silent.scriptNext('catalogAction', () => ({ status: 404, body: { code: 'PRODUCT_NOT_FOUND', message: 'Unknown product code' } }));

		const result = await runNode({ type: 'bolttech', parameters: getStock, credentials: credentialsFor(silent) });

		expect(result.error?.message).toBe('bolttech answered 404: PRODUCT_NOT_FOUND: Unknown product code');
	});
});
