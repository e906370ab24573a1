import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { PackageCredentialsHelper } from '../../scripts/n8nCore/credentialsHelper';
import { runNode } from '../../scripts/n8nCore/runNode';
import type { NodeRunRequest } from '../../scripts/n8nCore/runNode';
import { noAnswer } from '../../sandbox/contractServer';
import { sendPartnerRequest } from '../nodes/transport/partnerRequest';
import { sendWithRetries } from '../nodes/transport/retries';
import { useAfostoServer } from '../../test/harness/afostoSetup';
import { useBolttechServer } from '../../test/harness/bolttechSetup';
import { useMasStackServer } from '../../test/harness/masStackSetup';

const afosto = useAfostoServer();
const bolttech = useBolttechServer();
const masStack = useMasStackServer();

const hang = noAnswer;

/** A programmatic node that reads MasStack barrings through the shared retry loop, with a 0.5 s timeout. */
const barringsWithRetries: INodeType = {
	description: {
		displayName: 'Barrings With Retries',
		name: 'barringsWithRetries',
		group: ['transform'],
		version: 1,
		description: 'Reads barrings, retrying network errors once',
		defaults: { name: 'Barrings With Retries' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'masStackApi', required: true }],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const { answer, attempts } = await sendWithRetries({ maxRetries: 1, maxRetryWaitSeconds: 0 }, async () =>
			await sendPartnerRequest(this, { partner: 'MasStack', credentialType: 'masStackApi', method: 'GET', path: '/v2/mobile/612123456/barrings', timeoutMs: 500 }),
		);
		return [[{ json: { attempts, statusCode: answer.statusCode } }]];
	},
};
const getGroup = { resource: 'groups', operation: 'getCatGroupsById', id: 'group-1' };

async function timed(request: NodeRunRequest) {
	const started = Date.now();
	const result = await runNode(request);
	return { result, seconds: (Date.now() - started) / 1000 };
}

/** The timeout (ms) of each request n8n-core signs, read where the credential is applied. */
async function timeoutsOf(request: NodeRunRequest): Promise<unknown[]> {
	const authenticate = jest.spyOn(PackageCredentialsHelper.prototype, 'authenticate');
	try {
		const result = await runNode(request);
		expect(result.error).toBeUndefined();
		return authenticate.mock.calls.map(([, , options]) => (options as IHttpRequestOptions).timeout);
	} finally {
		authenticate.mockRestore();
	}
}

describe('Request Timeout', () => {
	it('fails an Afosto operation whose answer never comes after the Request Timeout, naming the request and the timeout', async () => {
		afosto.server.scriptNext('getCatGroupsById', hang);

		const { result, seconds } = await timed({ type: 'afostoCatalog', parameters: { ...getGroup, options: { requestTimeout: 1 } }, credentials: afosto.tokenCredentials() });

		expect(result.error?.message).toBe('Afosto did not answer GET /cat/groups/group-1 within 1 s');
		expect(result.error?.description).toMatch(/^Item 0: the request was given up after the node's Request Timeout \(Seconds\) \(under Options\), 1\./);
		expect(seconds).toBeGreaterThanOrEqual(0.9);
		expect(seconds).toBeLessThan(10);
	});

	it('fails a bolttech operation whose answer never comes after the Request Timeout', async () => {
		bolttech.server.scriptNext('verifyImei', hang);

		const { result, seconds } = await timed({
			type: 'bolttech',
			parameters: { resource: 'device', operation: 'verifyImei', imei: '861248007147070', options: { requestTimeout: 1 } },
			credentials: bolttech.tokenCredentials(),
		});

		expect(result.error?.message).toBe('bolttech did not answer POST /v4/verify/imei within 1 s');
		expect(seconds).toBeLessThan(10);
	});

	it('fails a request sent to wait for its callback (MasStack, Wait for Callback) whose answer never comes after the Request Timeout', async () => {
		masStack.server.scriptNext('updateBarring', hang);

		const { result, seconds } = await timed({
			type: 'masStack',
			parameters: { resource: 'barring', operation: 'update', waitForCallback: true, serviceType: 'mobile', serviceId: '612123456', barringName: 'ROAMING', active: true, options: { requestTimeout: 1 } },
			credentials: masStack.tokenCredentials(),
		});

		expect(result.error?.message).toBe('MasStack did not answer PATCH /v2/mobile/612123456/barrings within 1 s');
		expect(seconds).toBeLessThan(10);
	});

	it('tries a timed-out programmatic request again in the shared retry loop, which then gets the answer', async () => {
		masStack.server.scriptNext('getBarrings', hang);

		const result = await runNode({ type: barringsWithRetries, parameters: {}, credentials: masStack.tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ attempts: 2, statusCode: 200 }]);
		expect(masStack.server.requestsTo('getBarrings')).toHaveLength(2);
	});

	it("lets n8n's Retry On Fail repeat a timed-out declarative request", async () => {
		afosto.server.scriptNext('getCatGroupsById', hang);

		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { ...getGroup, options: { requestTimeout: 0.5 } },
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
			credentials: afosto.tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(afosto.server.requestsTo('getCatGroupsById')).toHaveLength(2);
	});

	it('gives every request 60 s when the node has no Request Timeout (as in workflows saved before the option)', async () => {
		const file: INodeExecutionData = { json: {}, binary: { data: { data: Buffer.from('x').toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } };

		expect(await timeoutsOf({ type: 'afostoCatalog', parameters: getGroup, credentials: afosto.tokenCredentials() })).toEqual([60_000]);
		expect(
			await timeoutsOf({
				type: 'masStack',
				parameters: { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '612123456', options: { correlationId: '' } },
				credentials: masStack.tokenCredentials(),
			}),
		).toEqual([60_000]);
		expect(
			await timeoutsOf({ type: 'afostoContent', parameters: { resource: 'files', operation: 'postCntFilesUploadBySignature' }, binaryItems: [file], credentials: afosto.tokenCredentials() }),
		).toEqual([60_000, 60_000]);
	});

	it('sends the Request Timeout given in seconds as milliseconds', async () => {
		expect(await timeoutsOf({ type: 'afostoCatalog', parameters: { ...getGroup, options: { requestTimeout: 7.5 } }, credentials: afosto.tokenCredentials() })).toEqual([7_500]);
	});

	it('refuses a Request Timeout that is not a positive number, naming the item and the field, before sending', async () => {
		const result = await runNode({ type: 'afostoCatalog', parameters: { ...getGroup, options: { requestTimeout: '={{ "soon" }}' } }, credentials: afosto.tokenCredentials() });

		expect(result.error?.message).toBe('Item 0: "Request Timeout (Seconds)" "soon" is not a positive number of seconds');
		expect(afosto.server.received).toHaveLength(0);
	});
});
