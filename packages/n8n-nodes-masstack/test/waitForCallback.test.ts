import type { INodeParameters } from 'n8n-workflow';

import { masStackContract } from '../../../sandbox/contracts/masStack';
import type { ContractServer } from '../../../sandbox/contractServer';
import { MASSTACK_TOKEN, useMasStackServer } from '../../../test/harness/masStackSetup';
import { postJson } from '../../../test/harness/postJson';
import { executeTestWorkflow, runNode, startingWith } from '../../../scripts/n8nCore/runNode';
import { testWorkflow } from '../../../scripts/n8nCore/testWorkflow';
import { WaitingRun } from '../../../test/harness/waitingRun';
import { useContractServer } from '../../../test/harness/useContractServer';

/** MasStack as the partner documents describe it, calling back 20 ms after accepting an operation. */
const callingBack = useContractServer(masStackContract, [MASSTACK_TOKEN], { callbackDelayMs: 20 });
/** The same contract, but MasStack never calls back. */
const { server: silent } = useMasStackServer();

const barRoaming = {
	resource: 'barring',
	operation: 'update',
	serviceType: 'mobile',
	serviceId: '612123456',
	barringName: 'ROAMING',
	active: true,
	waitForCallback: true,
	timeoutMinutes: 5,
};
const credentialsFor = (server: ContractServer) => ({ masStackApi: { baseUrl: server.url, accessToken: MASSTACK_TOKEN } });

const runs: WaitingRun[] = [];
async function startWaiting(parameters: INodeParameters, server = callingBack, extra: Partial<ConstructorParameters<typeof WaitingRun>[0]> = {}) {
	const run = new WaitingRun({ type: 'masStack', parameters, credentials: credentialsFor(server), ...extra });
	runs.push(run);
	const first = await run.start();
	return { run, first };
}
afterEach(async () => {
	await Promise.all(runs.splice(0).map((run) => run.stop()));
});

describe('MasStack: Wait for Callback', () => {
	it("Update Barring gives MasStack this execution's resume URLs, waits, and continues on Success with MasStack's callback", async () => {
		const { run, first } = await startWaiting(barRoaming);

		expect(first.error).toBeUndefined();
		expect(run.isWaiting).toBe(true);
		callingBack.assertNoViolations();
		const [request] = callingBack.requestsTo('updateBarring');
		const body = request.body as Record<string, string>;
		expect(body).toMatchObject({ active: true, barring_name: 'ROAMING' });
		expect(body.callback_success_url).toMatch(new RegExp(`^${run.baseUrl}/webhook-waiting/\\d+/success\\?signature=\\w+`));
		expect(body.callback_error_url).toMatch(new RegExp(`^${run.baseUrl}/webhook-waiting/\\d+/error\\?signature=\\w+`));

		const resumed = await run.resumed;
		expect(resumed.error).toBeUndefined();
		expect(resumed.outputs).toEqual([
			[
				{
					json: {
						operation: 'barringUpdate',
						outcome: 'success',
						code: 'OK',
						title: 'Barring update applied',
						service_id: '612123456',
						requestCorrelationId: request.headers['request-correlation-id'],
						receivedAt: expect.any(String),
					},
					pairedItem: expect.objectContaining({ item: 0 }),
				},
			],
			[],
			[],
		]);
	});

	it('continues on Error when MasStack posts to the error URL', async () => {
		const { run } = await startWaiting({ ...barRoaming, serviceId: '612340000' });

		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([]);
		expect(resumed.outputs[1]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'error', code: 'OPERATION_FAILED', service_id: '612340000' }) }),
		]);
		expect(resumed.outputs[2]).toEqual([]);
	});

	it('ends the wait on Timed Out with a clear item when no callback arrives in time', async () => {
		const { run } = await startWaiting(barRoaming, silent);
		expect(run.isWaiting).toBe(true);

		const timedOut = await run.timeOut();
		expect(timedOut.error).toBeUndefined();
		expect(timedOut.outputs).toEqual([
			[],
			[],
			[
				expect.objectContaining({
					json: {
						operation: 'barringUpdate',
						outcome: 'timeout',
						title: 'No callback from MasStack within 5 minutes',
						service_id: '612123456',
						requestCorrelationId: silent.requestsTo('updateBarring')[0].headers['request-correlation-id'],
					},
				}),
			],
		]);
	});

	it('does not resume on a callback with a wrong signature or a malformed body, and resumes on the right one', async () => {
		const { run } = await startWaiting(barRoaming, silent);
		const successUrl = new URL((silent.requestsTo('updateBarring')[0].body as { callback_success_url: string }).callback_success_url);
		const callback = { code: 'OK', title: 'Barring update applied', service_id: '612123456' };
		const forged = new URL(successUrl);
		forged.searchParams.set('signature', 'forged');

		expect((await postJson(forged.toString(), callback)).status).toBe(401);
		expect((await postJson(successUrl.toString(), { code: 'OK' })).status).toBe(400);
		expect(run.isWaiting).toBe(true);

		expect((await postJson(successUrl.toString(), callback)).status).toBe(200);
		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([expect.objectContaining({ json: expect.objectContaining({ outcome: 'success' }) })]);
	});

	it("answers 409 to a callback to another wait's URL, for another service or with another Request-Correlation-Id, and leaves the wait as it was; its own callback then resumes it", async () => {
		const { run } = await startWaiting(barRoaming, silent);
		const [request] = silent.requestsTo('updateBarring');
		const successUrl = (request.body as { callback_success_url: string }).callback_success_url;
		const correlationId = request.headers['request-correlation-id'] as string;
		const callback = { code: 'OK', title: 'Barring update applied', service_id: '612123456' };
		const anotherWait = new URL(successUrl);
		anotherWait.searchParams.set('wait', 'AAAAAAAAAAAAAAAAAAAAAAAA');
		const noWait = new URL(successUrl);
		noWait.searchParams.delete('wait');
		const notThisWait = { status: 409, body: { error: 'This callback URL is not the one of the request this execution is waiting for; the wait goes on' } };

		expect(await postJson(anotherWait.toString(), callback)).toEqual(notThisWait);
		expect(await postJson(noWait.toString(), callback)).toEqual(notThisWait);
		expect(await postJson(successUrl, { ...callback, service_id: '612999888' })).toEqual({
			status: 409,
			body: { error: 'The callback\'s service_id "612999888" is not the service_id "612123456" of the request this execution is waiting for; the wait goes on' },
		});
		expect(
			(await postJson(successUrl, callback, { 'Request-Correlation-Id': '3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90' })).status,
		).toBe(409);
		expect(run.isWaiting).toBe(true);

		expect(await postJson(successUrl, callback, { 'Request-Correlation-Id': correlationId })).toEqual({ status: 200, body: { received: true } });
		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'success', service_id: '612123456', requestCorrelationId: correlationId }) }),
		]);
	});

	it("draws new URLs for each wait: two runs of the node hand MasStack different wait tokens", async () => {
		await startWaiting(barRoaming, silent);
		await startWaiting(barRoaming, silent);

		const tokens = silent
			.requestsTo('updateBarring')
			.flatMap(({ body }) => Object.values(body as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && value.startsWith('http')))
			.map((url) => new URL(url).searchParams.get('wait'));
		expect(tokens).toHaveLength(4);
		expect(new Set(tokens).size).toBe(2);
		expect(tokens.every((token) => /^[\w-]{24}$/.test(token ?? ''))).toBe(true);
	});

	it("takes a new service's id from the callback when Create Service named none, and its own outcome over the body's", async () => {
		const create = { resource: 'service', operation: 'create', waitForCallback: true, serviceType: 'tv', serviceDetails: '{"package": "football"}', timeoutMinutes: 5 };
		const { run } = await startWaiting(create, silent);
		const errorUrl = (silent.requestsTo('createService')[0].body as { callback_error_url: string }).callback_error_url;

		expect((await postJson(errorUrl, { code: 'KO', title: 'No such package', service_id: '800100200', outcome: 'success' })).status).toBe(200);

		const resumed = await run.resumed;
		expect(resumed.outputs[1]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'error', operation: 'serviceCreation', service_id: '800100200' }) }),
		]);
	});

	it('lets exactly one of 10 simultaneous callbacks resume the execution and answers it {"received": true}; the other 9 get 409 with a reason', async () => {
		const { run } = await startWaiting(barRoaming, silent);
		const successUrl = (silent.requestsTo('updateBarring')[0].body as { callback_success_url: string }).callback_success_url;
		const callback = { code: 'OK', title: 'Barring update applied', service_id: '612123456' };

		run.holdUntilArrived(10);
		const answers = await Promise.all(Array.from({ length: 10 }, async () => await postJson(successUrl, callback)));

		expect(answers.filter(({ status }) => status === 200)).toEqual([{ status: 200, body: { received: true } }]);
		const refused = answers.filter(({ status }) => status !== 200);
		expect(refused).toEqual(
			Array(9).fill({ status: 409, body: { error: 'Another callback has already resumed this execution; this one started nothing' } }),
		);
		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toHaveLength(1);
	});

	it.each([
		[
			'Create Service',
			{ resource: 'service', operation: 'create', waitForCallback: true, serviceType: 'tv', serviceDetails: '{"package": "football"}', additionalFields: { newServiceId: '800100200' } },
			'createService',
			'/v2/tv/',
			{ service_id: '800100200', service_details: { package: 'football' } },
			'serviceCreation',
		],
		[
			'Update Device',
			{ resource: 'service', operation: 'updateDevice', waitForCallback: true, serviceType: 'mobile', serviceId: '612123456', deviceId: 'SIM-1', category: 'eSIM', newDeviceDetails: '{"eid": "89049032"}' },
			'updateDevice',
			'/v2/mobile/612123456/devices/SIM-1',
			{ category: 'eSIM', new_service_device_details: { eid: '89049032' } },
			'deviceUpdate',
		],
	])('%s sends the MasStack partner API v2\'s request with the resume URLs and continues with its callback', async (_name, parameters, route, path, expectedBody, operation) => {
		const { run } = await startWaiting(parameters);

		callingBack.assertNoViolations();
		const [request] = callingBack.requestsTo(route);
		expect(request.path).toBe(path);
		expect(request.body).toMatchObject(expectedBody);
		const resumed = await run.resumed;
		expect(resumed.outputs[0]).toEqual([expect.objectContaining({ json: expect.objectContaining({ operation, outcome: 'success' }) })]);
	});

	it('refuses to wait on an n8n that gives resume URLs no token (n8n 1.x), before sending anything', async () => {
		const setup = testWorkflow({ type: 'masStack', parameters: barRoaming, credentials: credentialsFor(silent) });
		const withoutResumeToken = { ...startingWith(setup), resumeToken: undefined };

		const result = await executeTestWorkflow(setup, withoutResumeToken);

		expect(result.error?.message).toBe('This n8n gives resume URLs no token, so the callback URL would be open to anyone');
		expect(silent.received).toHaveLength(0);
	});

	it('refuses several items before sending anything: one wait resumes once', async () => {
		const result = await runNode({ type: 'masStack', parameters: barRoaming, items: [{}, {}], credentials: credentialsFor(silent) });

		expect(result.error?.message).toBe('Wait for Callback waits for one operation at a time, but 2 items arrived');
		expect(silent.received).toHaveLength(0);
	});

	it("shows MasStack's refusal as the node's error, or on the Error output with Continue On Fail", async () => {
		const refusal = () => ({ status: 400, body: { code: 'BAD_REQUEST', title: 'MISSING CALLBACK URL' } });
		silent.scriptNext('updateBarring', refusal);
		const failed = await runNode({ type: 'masStack', parameters: barRoaming, credentials: credentialsFor(silent) });
		expect(failed.error?.message).toBe('MasStack answered 400: BAD_REQUEST: MISSING CALLBACK URL');

		silent.scriptNext('updateBarring', refusal);
		const continued = await runNode({ type: 'masStack', parameters: barRoaming, continueOnFail: true, credentials: credentialsFor(silent) });
		expect(continued.outputs[1]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ outcome: 'refused', error: 'MasStack answered 400: BAD_REQUEST: MISSING CALLBACK URL' }) }),
		]);
	});

	it.each([
		[{ serviceId: '={{ "" }}' }, 'Item 0: "Service ID" is empty'],
		[{ barringName: '={{ "ROAM" }}' }, 'Item 0: "Barring Name" "ROAM" is not one of'],
	])('refuses %j before sending', async (change, message) => {
		const result = await runNode({ type: 'masStack', parameters: { ...barRoaming, ...change }, credentials: credentialsFor(silent) });

		expect(result.error?.message).toContain(message);
		expect(silent.received).toHaveLength(0);
	});
});
