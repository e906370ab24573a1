import { oauthTokenRoute } from './oauthTokenRoute';
import type { CallBack, PartnerContract, ReceivedRequest } from '../contractServer';
import type { Schema } from '../schema';

/**
 * bolttech's contract as the bolttech Actions API and the bolttech Catalog API (v4.1) and Verify IMEI (v4) describe it: routes, request schemas and the documents'
 * example responses. The token route stands in for the OAuth2 endpoint bolttech hands partners.
 */

const IMEI = /^\d{15}$/;
const bearer = { authorization: /^Bearer \S+$/ };

function snakeToCamel(key: string): string {
	return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The same schema with camelCase property names: the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s JSON examples. */
function camelCased(schema: Schema): Schema {
	if (schema.type === 'array') return { ...schema, items: camelCased(schema.items) };
	if (schema.type !== 'object') return schema;
	return {
		...schema,
		properties: Object.fromEntries(
			Object.entries(schema.properties).map(([key, value]) => [snakeToCamel(key), camelCased(value)]),
		),
		required: schema.required?.map(snakeToCamel),
	};
}

const catalogConfiguration = (actionId: string): Schema => ({
	type: 'object',
	properties: {
		action_id: { type: 'string', enum: [actionId] },
		product_code: { type: 'string', pattern: /\S/ },
		callback_url: { type: 'string', pattern: /^https?:\/\// },
	},
	required: ['action_id', 'product_code'],
});

const catalogPayloads: Record<string, Schema> = {
	update_price: {
		type: 'object',
		properties: {
			incremental: { type: 'boolean' },
			asset_model_prices: {
				type: 'array',
				minItems: 1,
				items: {
					type: 'object',
					properties: {
						ean: { type: 'string', pattern: /^(\d{8}|\d{13})$/ },
						partner_device_id: { type: 'string', pattern: /\S/ },
						price_net: { type: 'integer', minimum: 0 },
					},
					required: ['price_net'],
				},
			},
		},
		required: ['incremental', 'asset_model_prices'],
	},
	remove_device: {
		type: 'object',
		properties: { partner_device_id: { type: 'string', pattern: /\S/ } },
		required: ['partner_device_id'],
	},
	get_stock: {
		type: 'object',
		properties: {
			updated: { type: 'string' },
			partner_device_id: { type: 'array', items: { type: 'string' } },
		},
	},
	get_pricing: {
		type: 'object',
		properties: {
			customer_type: { type: 'string' },
			warehouse_code: { type: 'string' },
			pricing_id_list: { type: 'array', items: { type: 'string' } },
			device_type: { type: 'array', items: { type: 'string' } },
		},
	},
};

function hasCamelCaseKey(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(hasCamelCaseKey);
	if (typeof value !== 'object' || value === null) return false;
	return Object.entries(value).some(([key, entry]) => /[A-Z]/.test(key) || hasCamelCaseKey(entry));
}

function catalogActionSchema(body: unknown): Schema {
	const actionId = (body as { configuration?: { action_id?: string } })?.configuration?.action_id ?? '';
	const payload = catalogPayloads[actionId];
	const spelledPayload =
		payload && hasCamelCaseKey((body as { payload?: unknown }).payload) ? camelCased(payload) : payload;
	return {
		type: 'object',
		properties: {
			configuration: catalogConfiguration(actionId in catalogPayloads ? actionId : 'update_price'),
			payload: spelledPayload ?? { type: 'object', properties: {}, additionalProperties: true },
		},
		required: ['configuration', 'payload'],
	};
}

function generalActionSchema(body: unknown): Schema {
	const actionId = (body as { configuration?: { action_id?: string } })?.configuration?.action_id;
	const configuration: Schema = {
		type: 'object',
		properties: { action_id: { type: 'string', pattern: /^[a-z0-9_]+$/ } },
		required: ['action_id'],
	};
	const payload: Schema =
		actionId === 'imei_verification'
			? {
					type: 'object',
					properties: {
						country_code: { type: 'string', pattern: /^[A-Z]{2}$/ },
						imei: { type: 'array', minItems: 1, items: { type: 'string', pattern: IMEI } },
					},
					required: ['country_code', 'imei'],
				}
			: { type: 'object', properties: {}, additionalProperties: true };
	return { type: 'object', properties: { configuration, payload }, required: ['configuration', 'payload'] };
}

/** The devices the sandbox knows, told apart by their IMEI's first eight digits (the TAC). */
const SANDBOX_DEVICES = [
	{ brand: 'Apple', series: 'iPhone 15', model: 'iPhone 15 Pro', ram: '8GB', storage: '256GB', color: 'Natural Titanium', os: 'iOS', price: '1199.00', sku: 'APPL-IP15P-256-NTI' },
	{ brand: 'Samsung', series: 'Galaxy S23', model: 'Galaxy S23 Ultra', ram: '12GB', storage: '512GB', color: 'Phantom Black', os: 'Android', price: '1419.00', sku: 'SAMS-S23U-512-BLK' },
	{ brand: 'Huawei', series: 'P50', model: 'P50 Pro', ram: '8GB', storage: '256GB', color: 'Golden Black', os: 'HarmonyOS', price: '1099.00', sku: 'HUAW-P50P-256-GLD' },
	{ brand: 'Nothing', series: 'Phone (2)', model: 'Phone (2)', ram: '12GB', storage: '256GB', color: 'Dark Grey', os: 'Android', price: '699.00', sku: 'NOTH-PH2-256-GRY' },
];

/** The TAC of the IMEI in the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s example, an iPhone 15 Pro there. */
const EXAMPLE_TAC = '86124800';

/**
 * Device models for an IMEI in the bolttech Actions API's response shape (every field its schema
 * lists); the device follows from the IMEI, so one IMEI always answers the same model.
 */
export function deviceModelsFor(imei: string) {
	const tac = imei.slice(0, 8);
	const others = SANDBOX_DEVICES.slice(1);
	const device = tac === EXAMPLE_TAC ? SANDBOX_DEVICES[0] : others[[...tac].reduce((sum, digit) => sum + Number(digit), 0) % others.length];
	return [
		{
			additional_details: { tac },
			available_for_rental: true,
			back_image: `https://images.example.com/${tac}/back.png`,
			front_image: `https://images.example.com/${tac}/front.png`,
			ram: device.ram,
			series: device.series,
			brand: device.brand,
			color: device.color,
			description: `${device.model} ${device.storage} ${device.color}`,
			operating_system: device.os,
			recommended_retail_price: { amount: device.price, currency: 'EUR' },
			sku: device.sku,
			storage_size: device.storage,
			type: 'smartphone',
		},
	];
}

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s Get Stock response example. */
export const STOCK_EXAMPLE = {
	stock: [
		{
			partner_device_id: 'DEV123456',
			volume: 500,
			storage_systems: [{ system_code: 'WH-MAIN', volume: 300, volumes: [{ storage: 'SHELF-A1', volume: 150 }] }],
		},
	],
};

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4) lists Get Rental Pricing's response fields without an example; these follow them. */
export const RENTAL_PRICING_EXAMPLE = {
	rentalPricing: [
		{
			id: 'PL-0001',
			deviceType: 'smartphone',
			manufacturer: 'Samsung',
			model: 'Galaxy S23 Ultra',
			memory: '512GB',
			colour: 'Black',
			grade: 'A',
			partnerDeviceId: 'SAMS-S23U-512-BLK',
			customerType: 'B2C',
			tenor: 24,
			initialValueNet: 0,
			initialValueGross: 0,
			residualValueNet: 300.0,
			residualValueGross: 363.0,
			monthlyPaymentNet: 41.32,
			monthlyPaymentGross: 49.99,
			beforeDiscountNet: 45.45,
			beforeDiscountGross: 54.99,
			rentalMonthlyPaymentNet: 37.19,
			rentalMonthlyPaymentGross: 44.99,
			packageMonthlyChargeNet: 4.13,
			packageMonthlyChargeGross: 5.0,
			packageName: 'Protect Plus',
		},
	],
	repoDocuments: [{ id: 'DOC-TC-1', name: 'Terms and Conditions', type: 'T&C', docs: [] }],
};

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s Verify IMEI response example. */
export const VERIFY_IMEI_EXAMPLE = {
	imei: '861248007147070',
	verificationStatus: 'verified',
	deviceValid: true,
	blacklistStatus: 'clean',
	stolenStatus: 'not_reported',
	authenticityCheck: 'passed',
	deviceInfo: {
		make: 'Apple',
		model: 'iPhone 15 Pro',
		storage: '256GB',
		color: 'Natural Titanium',
		manufactureDate: '2023-12-10',
		warrantyStatus: 'active',
	},
	verificationTimestamp: '2024-03-01T13:45:30Z',
	confidence: 'high',
};

/**
 * The bolttech Catalog API (v4.1) and Verify IMEI (v4) names `configuration.callback_url` but not what bolttech posts there; the sandbox posts
 * the action, the product code, an outcome and, for reads, the same data the response carried.
 */
function callBackCatalogAction(request: ReceivedRequest, callBack: CallBack): void {
	const { configuration } = request.body as { configuration: { action_id: string; product_code: string; callback_url?: string } };
	const answer = answerCatalogAction(request).body;
	callBack(configuration.callback_url, {
		action_id: configuration.action_id,
		product_code: configuration.product_code,
		status: 'completed',
		completed_at: new Date().toISOString(),
		result: answer,
	});
}

function answerCatalogAction(request: ReceivedRequest) {
	const actionId = (request.body as { configuration: { action_id: string } }).configuration.action_id;
	if (actionId === 'get_stock') return { status: 200, body: STOCK_EXAMPLE };
	if (actionId === 'get_pricing') return { status: 200, body: RENTAL_PRICING_EXAMPLE };
	return { status: 200, body: { status: 'success' } };
}

function answerGeneralAction(request: ReceivedRequest) {
	const body = request.body as { configuration: { action_id: string }; payload: { imei?: string[] } };
	if (body.configuration.action_id === 'imei_verification') {
		return {
			status: 200,
			body: {
				configuration: body.configuration,
				payload: (body.payload.imei ?? []).map((imei) => ({ imei, models: deviceModelsFor(imei) })),
			},
		};
	}
	return { status: 200, body: { configuration: body.configuration, payload: [{ status: 'valid' }] } };
}

export const bolttechContract: PartnerContract = {
	partner: 'bolttech',
	errorBody: (code, message) => ({ code, message }),
	routes: [
		{
			name: 'actions',
			method: 'POST',
			path: '/actions',
			requiredHeaders: { ...bearer, 'content-type': /^application\/json/ },
			body: generalActionSchema,
			respond: answerGeneralAction,
		},
		{
			name: 'catalogAction',
			method: 'POST',
			path: '/v4.1/catalog/action',
			requiredHeaders: { ...bearer, 'content-type': /^application\/json/ },
			body: catalogActionSchema,
			respond: answerCatalogAction,
			followUp: callBackCatalogAction,
		},
		{
			name: 'verifyImei',
			method: 'POST',
			path: '/v4/verify/imei',
			requiredHeaders: { ...bearer, 'content-type': /^application\/json/ },
			body: {
				type: 'object',
				properties: {
					imei: { type: 'string', pattern: IMEI },
					deviceDetails: {
						type: 'object',
						properties: {
							make: { type: 'string' },
							model: { type: 'string' },
							purchaseDate: { type: 'string', pattern: /^\d{4}-\d{2}-\d{2}$/ },
							purchasePrice: { type: 'number', minimum: 0 },
						},
					},
					verificationLevel: { type: 'string' },
					checkBlacklist: { type: 'boolean' },
					checkStolen: { type: 'boolean' },
					checkAuthenticity: { type: 'boolean' },
				},
				required: ['imei'],
			},
			respond: (request) => ({
				status: 200,
				body: { ...VERIFY_IMEI_EXAMPLE, imei: (request.body as { imei: string }).imei },
			}),
		},
		oauthTokenRoute,
	],
};
