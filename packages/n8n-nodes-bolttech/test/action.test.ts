import { BOLTTECH_TOKEN, useBolttechServer } from '../../../test/harness/bolttechSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useBolttechServer();

const SEED_IMEI = '861248007147070';
const SECOND_IMEI = '356938035643809';

function runAction(parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return runNode({
		type: 'bolttech',
		parameters: { resource: 'action', ...parameters } as never,
		credentials: tokenCredentials(),
		...extra,
	});
}

describe('bolttech Action: Verify IMEIs', () => {
	it('sends one imei_verification with every IMEI and outputs one item per IMEI with its models', async () => {
		const result = await runAction({
			operation: 'verifyImeis',
			countryCode: 'es',
			imeis: `${SEED_IMEI},\n ${SECOND_IMEI}`,
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('actions');
		expect(server.received).toHaveLength(1);
		expect(request.headers.authorization).toBe(`Bearer ${BOLTTECH_TOKEN}`);
		expect(request.body).toEqual({
			configuration: { action_id: 'imei_verification' },
			payload: { country_code: 'ES', imei: [SEED_IMEI, SECOND_IMEI] },
		});
		expect(result.json.map((item) => item.imei)).toEqual([SEED_IMEI, SECOND_IMEI]);
		expect(result.json[0]).toMatchObject({
			action_id: 'imei_verification',
			models: [{ brand: 'Apple', recommended_retail_price: { amount: '1199.00', currency: 'EUR' } }],
		});
	});

	it('takes the IMEIs as an array from an expression', async () => {
		const result = await runAction(
			{ operation: 'verifyImeis', countryCode: '={{ $json.country }}', imeis: '={{ $json.imeis }}' },
			{ items: [{ country: 'PT', imeis: [SECOND_IMEI] }] },
		);

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('actions')[0].body).toEqual({
			configuration: { action_id: 'imei_verification' },
			payload: { country_code: 'PT', imei: [SECOND_IMEI] },
		});
		expect(result.json).toHaveLength(1);
	});

	it('refuses an IMEI with a wrong Luhn check digit, naming the item and the IMEI, and sends nothing', async () => {
		const result = await runAction({ operation: 'verifyImeis', countryCode: 'ES', imeis: '861248007147071' });

		expect(result.error?.message).toBe('Item 0: "IMEIs" has 1 invalid IMEI(s): 861248007147071');
		expect(result.error?.description).toMatch(/15 digits.*Luhn/);
		expect(server.received).toHaveLength(0);
	});

	it('refuses a country code that is not two letters', async () => {
		const result = await runAction({ operation: 'verifyImeis', countryCode: 'ESP', imeis: SEED_IMEI });

		expect(result.error?.message).toBe('Item 0: "Country Code" must be two letters, got "ESP"');
		expect(server.received).toHaveLength(0);
	});

	it('with Continue On Fail reports the invalid item as an error item and still verifies the valid one', async () => {
		const result = await runAction(
			{ operation: 'verifyImeis', countryCode: 'ES', imeis: '={{ $json.imei }}' },
			{ items: [{ imei: '12345' }, { imei: SEED_IMEI }], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		expect(server.received).toHaveLength(1);
		expect(result.json).toHaveLength(2);
		expect(result.json[0].error).toMatch(/Item 0: "IMEIs" has 1 invalid IMEI\(s\): 12345/);
		expect(result.json[1].imei).toBe(SEED_IMEI);
	});

	it("shows bolttech's own error code and message when the request is rejected", async () => {
		server.scriptNext('actions', () => ({
			status: 422,
			body: { code: 'COUNTRY_NOT_ENABLED', message: 'Country SG is not enabled for this partner' },
		}));

		const result = await runAction({ operation: 'verifyImeis', countryCode: 'SG', imeis: SEED_IMEI });

		expect(result.error?.message).toBe(
			'bolttech answered 422: COUNTRY_NOT_ENABLED: Country SG is not enabled for this partner',
		);
		expect(result.error?.httpCode).toBe('422');
		expect(JSON.stringify(result.run)).not.toContain(BOLTTECH_TOKEN);
	});

	it('reports a rejected token as an authorization error without leaking the token', async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: { resource: 'action', operation: 'verifyImeis', countryCode: 'ES', imeis: SEED_IMEI },
			credentials: { bolttechApi: { baseUrl: server.url, accessToken: 'revoked-secret-token' } },
		});

		expect(result.error?.httpCode).toBe('401');
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/authori[sz]ation|invalid or expired/i);
		expect(JSON.stringify(result.run)).not.toContain('revoked-secret-token');
	});
});

describe('bolttech Action: Validate Document', () => {
	it('sends document_validation with the JSON payload as given', async () => {
		const result = await runAction({
			operation: 'validateDocument',
			payloadJson: '{"document_type": "passport", "document_number": "X1234567"}',
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('actions')[0].body).toEqual({
			configuration: { action_id: 'document_validation' },
			payload: { document_type: 'passport', document_number: 'X1234567' },
		});
		expect(result.json[0]).toEqual({
			configuration: { action_id: 'document_validation' },
			payload: [{ status: 'valid' }],
		});
	});

	it('refuses a payload that is not valid JSON before sending', async () => {
		const result = await runAction({ operation: 'validateDocument', payloadJson: '{"document_type": ' });

		expect(result.error?.message).toMatch(/^Item 0: "Payload \(JSON\)" is not valid JSON/);
		expect(server.received).toHaveLength(0);
	});
});

describe('bolttech Action: Custom Action', () => {
	it('sends a partner-exclusive action id with its payload', async () => {
		const result = await runAction({
			operation: 'customAction',
			actionId: 'trade_in_quote',
			payloadJson: '={{ { imei: $json.imei, grade: "A" } }}',
		}, { items: [{ imei: SEED_IMEI }] });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('actions')[0].body).toEqual({
			configuration: { action_id: 'trade_in_quote' },
			payload: { imei: SEED_IMEI, grade: 'A' },
		});
	});

	it('refuses a payload that is a JSON list rather than an object', async () => {
		const result = await runAction({ operation: 'customAction', actionId: 'x', payloadJson: '[1, 2]' });

		expect(result.error?.message).toBe('Item 0: "Payload (JSON)" must be a JSON object');
		expect(server.received).toHaveLength(0);
	});
});
