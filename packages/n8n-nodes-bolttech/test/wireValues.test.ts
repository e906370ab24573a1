import type { INodeParameters } from 'n8n-workflow';

import { Bolttech } from '../nodes/Bolttech/Bolttech.node';
import { useBolttechServer } from '../../../test/harness/bolttechSetup';
import { noOutcomes, summaryLine, throwAwkwardValuesAtEveryField } from '../../../test/harness/wireValues';
import type { WireOperation } from '../../../test/harness/wireValues';

const { server, tokenCredentials } = useBolttechServer();

const IMEI = '861248007147070';
const catalog = { resource: 'catalog', productCode: 'RENTAL-ES-01', callbackUrl: 'https://n8n.example.com/webhook/bolttech', payloadKeyStyle: 'snakeCase', waitForCallback: false };
const stockFilters = { stockFilters: { partnerDeviceIds: ['DEV123456', 'DEV654321'], updatedSince: '2024-03-01T00:00:00' } };
const pricingFilters = { pricingFilters: { customerType: 'b2c', deviceTypes: ['smartphone'], pricingIds: ['PL-1'], warehouseCode: 'WH-MAIN' } };

/**
 * A valid request of every operation of the Bolttech node but Update Prices, whose price rows
 * have their own tests (priceSync); each field in turn gets the awkward values.
 */
const BOLTTECH_OPERATIONS: INodeParameters[] = [
	{ resource: 'action', operation: 'verifyImeis', countryCode: 'ES', imeis: IMEI },
	{ resource: 'action', operation: 'validateDocument', payloadJson: '{"document_type": "passport", "document_number": "X1234567"}' },
	{ resource: 'action', operation: 'customAction', actionId: 'partner_exclusive_action', payloadJson: '{"grade": "A"}' },
	{ ...catalog, operation: 'removeDevice', partnerDeviceId: 'DEV-SAMSUNG-S23-256-BLK' },
	{ ...catalog, operation: 'getStock', ...stockFilters },
	{ ...catalog, operation: 'getRentalPricing', ...pricingFilters },
	{
		resource: 'device',
		operation: 'verifyImei',
		imei: IMEI,
		verificationLevel: 'comprehensive',
		checkBlacklist: true,
		checkStolen: true,
		checkAuthenticity: true,
		deviceDetails: { make: 'Apple', model: 'iPhone 15 Pro', purchaseDate: '2024-01-15T00:00:00', purchasePrice: 1199.99 },
	},
];

/** The operations that call back, with Wait for Callback on: one item per run, the node's own callback URL. */
const WAITING_OPERATIONS: INodeParameters[] = [
	{ ...catalog, operation: 'removeDevice', partnerDeviceId: 'DEV-SAMSUNG-S23-256-BLK' },
	{ ...catalog, operation: 'getStock', ...stockFilters },
	{ ...catalog, operation: 'getRentalPricing', ...pricingFilters },
].map(({ callbackUrl: _callbackUrl, ...parameters }) => ({ ...parameters, waitForCallback: true, timeoutMinutes: 5 }));

const nameOf = (parameters: INodeParameters) => `${String(parameters.resource)} ${String(parameters.operation)}`;

describe('bolttech: wrong-typed values in every field', () => {
	const outcomes = noOutcomes();
	afterAll(() => {
		console.log(summaryLine('Bolttech, waiting or not', BOLTTECH_OPERATIONS.length + WAITING_OPERATIONS.length, outcomes));
	});

	it.each(BOLTTECH_OPERATIONS.map((parameters) => [nameOf(parameters), parameters]))(
		'Bolttech %s: each field refuses null, empty, dot, object, list, number, 10 KB, CRLF and unicode values naming item and field, or sends a well-formed request',
		async (_name, parameters) => {
			const operation: WireOperation = { type: 'bolttech', parameters: parameters as INodeParameters, credentials: tokenCredentials() };
			expect(await throwAwkwardValuesAtEveryField(server, new Bolttech().description, operation, outcomes)).toEqual([]);
		},
	);

	it.each(WAITING_OPERATIONS.map((parameters) => [nameOf(parameters), parameters]))(
		'Bolttech %s, waiting for the callback: each field refuses the same values naming the field, or sends a well-formed request',
		async (_name, parameters) => {
			const operation: WireOperation = { type: 'bolttech', parameters: parameters as INodeParameters, credentials: tokenCredentials(), oneItemPerRun: true };
			expect(await throwAwkwardValuesAtEveryField(server, new Bolttech().description, operation, outcomes)).toEqual([]);
		},
	);
});
