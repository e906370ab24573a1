import { BARRINGS_EXAMPLE, BARRING_NAMES } from '../../../sandbox/contracts/masStack';
import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const successUrl = 'https://n8n.example.com/webhook/abc/masstack/barring/success';
const errorUrl = 'https://n8n.example.com/webhook/abc/masstack/barring/error';

const updateRoaming = {
	resource: 'barring',
	operation: 'update',
	serviceType: 'mobile',
	serviceId: '612123456',
	barringName: 'ROAMING',
	active: true,
	callbackSuccessUrl: successUrl,
	callbackErrorUrl: errorUrl,
};

describe('MasStack Barring', () => {
	it("Get reads a service's barrings with a correlation id and returns the MasStack partner API v2's answer with that id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: ' 612123456 ' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('getBarrings');
		expect(request.path).toBe('/v2/mobile/612123456/barrings');
		expect(request.headers.authorization).toBe('Bearer masstack-test-token-41d7');
		expect(request.headers['request-correlation-id']).toMatch(UUID);
		expect(result.json).toEqual([{ ...BARRINGS_EXAMPLE, requestCorrelationId: request.headers['request-correlation-id'] }]);
	});

	it("Update sends the MasStack partner API v2's body and says MasStack accepted it", async () => {
		const result = await runNode({ type: 'masStack', parameters: updateRoaming, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('updateBarring');
		expect(request.method).toBe('PATCH');
		expect(request.body).toEqual({
			callback_success_url: successUrl,
			callback_error_url: errorUrl,
			active: true,
			barring_name: 'ROAMING',
		});
		expect(result.json).toEqual([{ accepted: true, requestCorrelationId: request.headers['request-correlation-id'] }]);
	});

	it('offers exactly the 11 barring names of the MasStack partner API v2', async () => {
		const { MasStack } = await import('../nodes/MasStack/MasStack.node');
		const field = new MasStack().description.properties.find((property) => property.name === 'barringName');
		expect(field?.options?.map((option) => (option as { value: string }).value)).toEqual([...BARRING_NAMES]);
	});

	it("keeps the correlation id when n8n's Retry On Fail sends the request again", async () => {
		server.scriptNext('updateBarring', () => ({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR', title: 'Server is not working due to some error' } }));

		const result = await runNode({
			type: 'masStack',
			parameters: updateRoaming,
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		const ids = server.requestsTo('updateBarring').map((request) => request.headers['request-correlation-id']);
		expect(ids).toHaveLength(2);
		expect(ids[1]).toBe(ids[0]);
		expect(result.json[0].requestCorrelationId).toBe(ids[0]);
	});

	it('gives each item its own correlation id, and a new execution new ids', async () => {
		const items = [{ line: '612000001' }, { line: '612000002' }];
		const parameters = { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '={{ $json.line }}' };
		const first = await runNode({ type: 'masStack', parameters, items, credentials: tokenCredentials() });
		const ids = first.json.map((item) => item.requestCorrelationId);

		expect(new Set(ids).size).toBe(2);
		expect(server.requestsTo('getBarrings').map((request) => request.headers['request-correlation-id'])).toEqual(ids);
		const second = await runNode({ type: 'masStack', parameters, items, credentials: tokenCredentials() });
		expect(second.json.map((item) => item.requestCorrelationId)).not.toEqual(ids);
	});

	it('sends the correlation id the user gives exactly as given', async () => {
		const given = '3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90';
		const result = await runNode({
			type: 'masStack',
			parameters: { ...updateRoaming, options: { correlationId: given.toUpperCase() } },
			credentials: tokenCredentials(),
		});

		expect(server.requestsTo('updateBarring')[0].headers['request-correlation-id']).toBe(given.toUpperCase());
		expect(result.json[0].requestCorrelationId).toBe(given.toUpperCase());
	});

	it('explains a repeated correlation id (406 DUPLICATE_WORKFLOW_ID) and what to do', async () => {
		const options = { correlationId: '9a1f7c3e-52b4-4d8e-a6f0-1b2c3d4e5f60' };
		await runNode({ type: 'masStack', parameters: { ...updateRoaming, options }, credentials: tokenCredentials() });
		const repeated = await runNode({ type: 'masStack', parameters: { ...updateRoaming, options }, credentials: tokenCredentials() });

		expect(repeated.error?.message).toBe('MasStack answered 406: DUPLICATE_WORKFLOW_ID: Duplicate workflow id');
		expect(repeated.error?.description).toContain('wait for its callback');
		expect(repeated.error?.description).toContain('Correlation ID');
	});

	it.each([
		[{ serviceId: '  ' }, 'Item 0: "Service ID" is empty'],
		[{ callbackSuccessUrl: '={{ $json.missingUrl }}' }, 'Item 0: "Callback Success URL" is empty'],
		[{ callbackErrorUrl: 'myserver/callback' }, 'Item 0: "Callback Error URL" "myserver/callback" is not an http(s) URL'],
		[{ options: { correlationId: 'run-42' } }, 'Item 0: "Correlation ID" "run-42" is not a UUID'],
		[{ options: { correlationId: 'ñandú-📱-Ω' } }, 'Item 0: "Correlation ID" contains "ñ", which an HTTP header cannot carry as given'],
		[{ options: { correlationId: '3f2b8c1e-0d4a-4b7e-9c61-2a5d8e4f7b90\r\nX-Injected: 1' } }, 'Item 0: "Correlation ID" contains a line break, which an HTTP header cannot carry as given'],
		[{ serviceId: '..' }, 'Item 0: "Service ID" is "..", which would change the path'],
		[{ serviceId: '={{ { msisdn: 612123456 } }}' }, 'Item 0: "Service ID" is an object, not text'],
		[{ serviceType: '={{ null }}' }, 'Item 0: "Service Type" is empty, which is not one of multisim, security, tv, datasharing, mobile, applewatch, deviceinsurance'],
		[{ active: '={{ "yes" }}' }, 'Item 0: "Active" must be true or false, got "yes"'],
	])('refuses %j before sending: %s', async (change, message) => {
		const result = await runNode({ type: 'masStack', parameters: { ...updateRoaming, ...change }, credentials: tokenCredentials() });

		expect(result.error?.message).toBe(message);
		expect(server.received).toHaveLength(0);
	});

	it("shows MasStack's {code, title} error as the node's error", async () => {
		server.scriptNext('getBarrings', () => ({ status: 404, body: { code: 'NOT_FOUND', title: 'Msisdn not found: 100000000' } }));

		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '100000000' },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('MasStack answered 404: NOT_FOUND: Msisdn not found: 100000000');
		expect(result.error?.description).toContain('Service ID');
	});
});
