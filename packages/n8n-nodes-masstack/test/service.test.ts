import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

const callbacks = {
	callbackSuccessUrl: 'https://myserver.com/send/callback/here',
	callbackErrorUrl: 'https://myserver.com/send/callback/error',
};

describe('MasStack Service', () => {
	it("Create (v2) posts the MasStack partner API v2's body to /v2/{service_type}/ and says MasStack accepted it", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				resource: 'service',
				operation: 'create',
				serviceType: 'applewatch',
				...callbacks,
				serviceDetails: '{"tariff": "WATCH-5"}',
				additionalFields: { newServiceId: '612123456' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createService');
		expect(request.path).toBe('/v2/applewatch/');
		expect(request.body).toEqual({
			callback_success_url: 'https://myserver.com/send/callback/here',
			callback_error_url: 'https://myserver.com/send/callback/error',
			service_id: '612123456',
			service_details: { tariff: 'WATCH-5' },
		});
		expect(result.json).toEqual([{ accepted: true, requestCorrelationId: request.headers['request-correlation-id'] }]);
	});

	it('Create (v3) sends the MasStack partner API v3 body without callback URLs', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'service', operation: 'create', apiVersion: 'v3', serviceType: 'security', serviceDetails: '={{ { "plan": "family" } }}' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createServiceV3');
		expect(request.path).toBe('/v3/security/');
		expect(request.body).toEqual({ service_details: { plan: 'family' } });
	});

	it.each([
		['v2', 'updateDevice', '/v2/mobile/612123456/devices/SIM-001', callbacks],
		['v3', 'updateDeviceV3', '/v3/mobile/612123456/devices/SIM-001', {}],
	])('Update Device (%s) patches the device with its category and details', async (apiVersion, route, path, urls) => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				resource: 'service',
				operation: 'updateDevice',
				apiVersion,
				serviceType: 'mobile',
				serviceId: '612123456',
				deviceId: 'SIM-001',
				category: 'eSIM',
				newDeviceDetails: '{"iccid": "8934011234567890123"}',
				...urls,
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo(route);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(path);
		expect(request.body).toMatchObject({ category: 'eSIM', new_service_device_details: { iccid: '8934011234567890123' } });
		expect(result.json[0]).toMatchObject({ accepted: true });
	});

	it("Update Netflix sends the MasStack partner API v2's three fields and returns MasStack's transaction id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'service', operation: 'updateNetflix', serviceId: '612123456', offerId: 'NFX-PREMIUM', planType: 'premium', transactionId: 'T-77' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('updateNetflix');
		expect(request.path).toBe('/v2/netflix/612123456');
		expect(request.body).toEqual({ offer_id: 'NFX-PREMIUM', plan_type: 'premium', transaction_id: 'T-77' });
		expect(result.json[0]).toMatchObject({ transaction_id: 'T-77' });
	});

	it('Notify Simyo of Netflix Change sends what is given, the date in ISO 8601', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				resource: 'service',
				operation: 'notifySimyo',
				serviceId: '612123456',
				netflixChange: { pai: 'PAI-1', netflixOfferId: 'NFX-BASIC', changeDate: '2026-11-01T00:00:00Z' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('notifySimyo');
		expect(request.path).toBe('/v2/netflix/612123456/simyo');
		expect(request.body).toEqual({ pai: 'PAI-1', netflixOfferId: 'NFX-BASIC', changeDate: '2026-11-01T00:00:00Z' });
		expect(result.json[0]).toEqual({ requestCorrelationId: request.headers['request-correlation-id'] });
	});

	it.each([
		[{ operation: 'create', serviceType: 'mobile', ...callbacks, serviceDetails: '{"tariff": ' }, 'Item 0: "Service Details" is not valid JSON'],
		[{ operation: 'create', serviceType: 'mobile', ...callbacks, serviceDetails: '[1, 2]' }, 'Item 0: "Service Details" must be a JSON object'],
		[{ operation: 'create', serviceType: '={{ "landline" }}', ...callbacks }, 'Item 0: "Service Type" "landline" is not one of multisim'],
		[
			{ operation: 'updateDevice', serviceType: 'mobile', serviceId: '1', deviceId: 'D', category: '={{ "ESIM" }}', ...callbacks },
			'Item 0: "Category" "ESIM" is not one of',
		],
		[{ operation: 'notifySimyo', serviceId: '612123456' }, 'Item 0: "Change" is empty'],
	])('refuses %j before sending', async (change, message) => {
		const result = await runNode({ type: 'masStack', parameters: { resource: 'service', ...change }, credentials: tokenCredentials() });

		expect(result.error?.message).toContain(message);
		expect(server.received).toHaveLength(0);
	});
});
