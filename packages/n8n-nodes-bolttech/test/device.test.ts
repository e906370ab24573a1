import { useBolttechServer } from '../../../test/harness/bolttechSetup';
import { VERIFY_IMEI_EXAMPLE } from '../../../sandbox/contracts/bolttech';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useBolttechServer();

describe('bolttech Device: Verify IMEI', () => {
	it("sends the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s example request and returns bolttech's verification", async () => {
		const result = await runNode({
			type: 'bolttech',
			parameters: {
				resource: 'device',
				operation: 'verifyImei',
				imei: '861248007147070',
				deviceDetails: {
					make: 'Apple',
					model: 'iPhone 15 Pro',
					purchaseDate: '2024-01-15T00:00:00',
					purchasePrice: 1199.99,
				},
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('verifyImei')[0].body).toEqual({
			imei: '861248007147070',
			deviceDetails: { make: 'Apple', model: 'iPhone 15 Pro', purchaseDate: '2024-01-15', purchasePrice: 1199.99 },
			verificationLevel: 'comprehensive',
			checkBlacklist: true,
			checkStolen: true,
			checkAuthenticity: true,
		});
		expect(result.json).toEqual([VERIFY_IMEI_EXAMPLE]);
	});

	it('sends only the checks that are switched on and no device details when none are given', async () => {
		await runNode({
			type: 'bolttech',
			parameters: {
				resource: 'device',
				operation: 'verifyImei',
				imei: ' 356938035643809 ',
				verificationLevel: 'basic',
				checkStolen: false,
			},
			credentials: tokenCredentials(),
		});

		server.assertNoViolations();
		expect(server.requestsTo('verifyImei')[0].body).toEqual({
			imei: '356938035643809',
			verificationLevel: 'basic',
			checkBlacklist: true,
			checkStolen: false,
			checkAuthenticity: true,
		});
	});

	it.each(['86124800714707', '861248007147071', 'IMEI861248007147'])(
		'refuses %s before sending, naming the item and field',
		async (imei) => {
			const result = await runNode({
				type: 'bolttech',
				parameters: { resource: 'device', operation: 'verifyImei', imei },
				credentials: tokenCredentials(),
			});

			expect(result.error?.message).toBe(`Item 0: "IMEI" "${imei}" is not a valid IMEI`);
			expect(server.received).toHaveLength(0);
		},
	);

	it('shows a bolttech server error with its code and message', async () => {
		server.scriptNext('verifyImei', () => ({
			status: 503,
			body: { code: 'GSMA_UNAVAILABLE', message: 'Blacklist provider unavailable' },
		}));

		const result = await runNode({
			type: 'bolttech',
			parameters: { resource: 'device', operation: 'verifyImei', imei: '861248007147070' },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('bolttech answered 503: GSMA_UNAVAILABLE: Blacklist provider unavailable');
	});
});
