import { oauthTokenRoute } from './oauthTokenRoute';
import type { CallBack, ContractRoute, PartnerContract, ReceivedRequest } from '../contractServer';
import type { Schema } from '../schema';

/**
 * MasStack's contract as the MasStack partner API v3 and v2 describe it: routes, request schemas and the
 * partner documents' example answers. Asynchronous operations answer 202 and, on servers with callbacks on,
 * post `{code, title, service_id}` to the callback URL with the request's correlation id.
 */

const bearer = { authorization: /^Bearer \S+$/ };
const json = { ...bearer, 'content-type': /^application\/json/ };
const correlationId = { 'request-correlation-id': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i };
const serviceType = { service_type: /^(multisim|security|tv|datasharing|mobile|applewatch|deviceinsurance)$/ };

const isoDatetime: Schema = { type: 'string', pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/ };
const text: Schema = { type: 'string', pattern: /\S/ };
const url: Schema = { type: 'string', pattern: /^https?:\/\/\S+$/ };

export const BARRING_NAMES = [
	'ROAMING',
	'INTERNATIONAL_DESTINATIONS',
	'OUTGOING_VOICE',
	'OUTGOING_SMS',
	'INCOMING_VOICE',
	'INCOMING_SMS',
	'INTERNET',
	'VOICE_PREMIUM_ENTERTAINMENT',
	'VOICE_PREMIUM_INFORMATION',
	'SMS_PREMIUM',
	'SUBSCRIPTION_PREMIUM',
] as const;

const amount: Schema = {
	type: 'object',
	properties: {
		value_with_taxes: { type: 'number' },
		value_without_taxes: { type: 'number' },
		tax: {
			type: 'object',
			properties: { type: text, percentage: { type: 'number', minimum: 0 } },
			required: ['type', 'percentage'],
		},
	},
	required: ['value_with_taxes', 'value_without_taxes', 'tax'],
};

const billingCommon = {
	period_start_datetime: isoDatetime,
	period_end_datetime: isoDatetime,
	amount,
	external_invoice_id: { type: 'string' },
	description: { type: 'string' },
} as const;

const movementType: Schema = {
	type: 'string',
	enum: ['RECURRING_CHARGE', 'ONE_TIME_FEE', 'INSTALLATION_FEE', 'SUSPENSION_SERVICE_FEE', 'UNRETURNED_EQUIPMENT_FEE', 'DISCOUNT'],
};

const movementForService: Schema = {
	type: 'object',
	properties: {
		...billingCommon,
		type: movementType,
		movement_datetime: isoDatetime,
		external_movement_unique_id: text,
		billable: { type: 'boolean' },
		concept_id: { type: 'string' },
		campaign_id: { type: 'string' },
	},
	required: ['type', 'movement_datetime', 'amount', 'external_movement_unique_id', 'billable'],
};

const movementForNonSubscribable: Schema = {
	type: 'object',
	properties: {
		...billingCommon,
		type: movementType,
		movement_datetime: isoDatetime,
		external_movement_unique_id: { type: 'string' },
		transaction_type_id: text,
	},
	required: ['type', 'movement_datetime', 'amount', 'transaction_type_id'],
};

const refundForService: Schema = {
	type: 'object',
	properties: {
		...billingCommon,
		refund_datetime: isoDatetime,
		external_refund_unique_id: text,
		billable: { type: 'boolean' },
		movement_id: text,
	},
	required: ['refund_datetime', 'amount', 'external_refund_unique_id', 'billable', 'movement_id'],
};

const refundForNonSubscribable: Schema = {
	type: 'object',
	properties: {
		...billingCommon,
		refund_datetime: isoDatetime,
		external_refund_unique_id: { type: 'string' },
		transaction_type_id: text,
		movement_id: text,
	},
	required: ['refund_datetime', 'amount', 'transaction_type_id', 'movement_id'],
};

const callbackUrls = { callback_success_url: url, callback_error_url: url } as const;
const deviceCategory: Schema = {
	type: 'string',
	enum: ['STB', 'SMARTWATCH', 'TABLET', 'ROUTER', 'PBX', 'SMARTPHONE', 'WIFI_EXTENDER', 'OTHER', 'SIM', 'eSIM'],
};
const anyObject: Schema = { type: 'object', properties: {}, additionalProperties: true };

/** The MasStack partner API v2's Get Barrings example. */
export const BARRINGS_EXAMPLE = { subscriptionId: 234234234, appliedBarringsMaskCodes: ['DEBT_MOBILE_LP'] };

/** A service whose id ends in 0000 fails in the sandbox, so users can see the error callback. */
export function failsInSandbox(serviceId: string): boolean {
	return /0000$/.test(serviceId);
}

/** A service whose id ends in 9999 never gets a callback in the sandbox, so users can see a timeout. */
export function staysSilentInSandbox(serviceId: string): boolean {
	return /9999$/.test(serviceId);
}

/** MasStack's later POST of an asynchronous operation's result (the MasStack partner API v3's serviceCallbackDTO). */
function callBackResult(kind: string) {
	return (request: ReceivedRequest, callBack: CallBack): void => {
		const body = request.body as { callback_success_url?: string; callback_error_url?: string; service_id?: string };
		const serviceId = request.pathParameters.service_id ?? body.service_id ?? 'new-service';
		if (staysSilentInSandbox(serviceId)) return;
		const failed = failsInSandbox(serviceId);
		const headers: Record<string, string> = {};
		const correlation = request.headers['request-correlation-id'];
		if (typeof correlation === 'string') headers['Request-Correlation-Id'] = correlation;
		callBack(
			failed ? body.callback_error_url : body.callback_success_url,
			failed
				? { code: 'OPERATION_FAILED', title: `${kind} could not be applied`, service_id: serviceId }
				: { code: 'OK', title: `${kind} applied`, service_id: serviceId },
			headers,
		);
	};
}

const accepted = () => ({ status: 202 });

/** How many records the sandbox has created: each created record's id carries its number. */
let lastCreated = 0;

/**
 * The MasStack partner API v2's created answer: its example's `code`, `title` and id, the id's last group
 * the record's number, so ids differ per record and repeat from run to run.
 */
function created(title: string, idProperty: string) {
	return () => ({ status: 201, body: { code: 'CREATED', title, [idProperty]: `8da2b117-ef72-413d-98ce-${String(++lastCreated).padStart(12, '0')}` } });
}

function answered(code: string, title: string) {
	return () => ({ status: 200, body: { code, title } });
}

/** Correlation ids MasStack has seen: a repeated one is refused (the MasStack partner API v2, 406). */
function refuseRepeatedCorrelationIds(routes: ContractRoute[]): ContractRoute[] {
	const seen = new Set<string>();
	return routes.map((route) => ({
		...route,
		respond: (request) => {
			const id = request.headers['request-correlation-id'];
			if (typeof id === 'string' && route.name !== 'oauthToken') {
				if (seen.has(id)) return { status: 406, body: { code: 'DUPLICATE_WORKFLOW_ID', title: 'Duplicate workflow id' } };
				if (seen.size > 100_000) seen.clear();
				seen.add(id);
			}
			return route.respond(request);
		},
	}));
}

const service = '/v2/{service_type}/{service_id}';

function serviceRoute(route: Omit<ContractRoute, 'requiredHeaders' | 'optionalHeaders' | 'pathParameterPatterns'>): ContractRoute {
	return {
		requiredHeaders: route.body ? json : bearer,
		optionalHeaders: correlationId,
		pathParameterPatterns: route.path.includes('{service_type}') ? serviceType : {},
		...route,
	};
}

export const masStackContract: PartnerContract = {
	partner: 'MasStack',
	errorBody: (code, message) => ({ code, title: message }),
	routes: refuseRepeatedCorrelationIds([
		serviceRoute({ name: 'getBarrings', method: 'GET', path: `${service}/barrings`, respond: () => ({ status: 200, body: BARRINGS_EXAMPLE }) }),
		serviceRoute({
			name: 'updateBarring',
			method: 'PATCH',
			path: `${service}/barrings`,
			body: {
				type: 'object',
				properties: { ...callbackUrls, active: { type: 'boolean' }, barring_name: { type: 'string', enum: BARRING_NAMES } },
				required: ['callback_success_url', 'callback_error_url', 'active', 'barring_name'],
			},
			respond: accepted,
			followUp: callBackResult('Barring update'),
		}),
		serviceRoute({ name: 'createMovement', method: 'POST', path: `${service}/billing/movements`, body: movementForService, respond: created('Movement created correctly', 'movement_id') }),
		serviceRoute({ name: 'deleteMovement', method: 'DELETE', path: `${service}/billing/movements/{movement_id}`, respond: answered('DELETED', 'Movement deleted correctly') }),
		serviceRoute({
			name: 'createNonSubscribableMovement',
			method: 'POST',
			path: `${service}/billing/movements-non-subscribable-services`,
			body: movementForNonSubscribable,
			respond: created('Movement created correctly', 'movement_id'),
		}),
		serviceRoute({
			name: 'updateNonSubscribableMovement',
			method: 'PUT',
			path: `${service}/billing/movements-non-subscribable-services/{movement_id}`,
			body: movementForNonSubscribable,
			// The MasStack partner API v2's own example answers an update with code CREATED.
			respond: answered('CREATED', 'Movement updated correctly'),
		}),
		serviceRoute({
			name: 'deleteNonSubscribableMovement',
			method: 'DELETE',
			path: `${service}/billing/movements-non-subscribable-services/{movement_id}`,
			respond: answered('DELETED', 'Movement deleted correctly'),
		}),
		serviceRoute({ name: 'createRefund', method: 'POST', path: `${service}/billing/refunds`, body: refundForService, respond: created('Refund created correctly', 'refund_id') }),
		serviceRoute({
			name: 'createNonSubscribableRefund',
			method: 'POST',
			path: `${service}/billing/refund-non-subscribable-services`,
			body: refundForNonSubscribable,
			respond: created('Refund created correctly', 'refund_id'),
		}),
		serviceRoute({
			name: 'activatePromotion',
			method: 'POST',
			path: `${service}/promotions`,
			body: {
				type: 'object',
				properties: {
					promotion: {
						type: 'object',
						properties: { promotion_id: { type: 'integer', minimum: 1 }, activation_date: isoDatetime, deactivation_date: isoDatetime },
						required: ['promotion_id'],
					},
				},
				required: ['promotion'],
			},
			respond: created('Promotion created correctly', 'promotion_id'),
		}),
		serviceRoute({
			name: 'updatePromotion',
			method: 'PATCH',
			path: `${service}/promotions/{promotion_id}`,
			body: { type: 'object', properties: { deactivation_date: isoDatetime }, required: ['deactivation_date'] },
			respond: answered('OK', 'Promotion updated correctly'),
		}),
		serviceRoute({
			name: 'createService',
			method: 'POST',
			path: '/v2/{service_type}/',
			body: {
				type: 'object',
				properties: { ...callbackUrls, service_id: { type: 'string' }, service_details: anyObject },
				required: ['callback_success_url', 'callback_error_url', 'service_details'],
			},
			respond: accepted,
			followUp: callBackResult('Service creation'),
		}),
		serviceRoute({
			name: 'createServiceV3',
			method: 'POST',
			path: '/v3/{service_type}/',
			body: { type: 'object', properties: { service_id: { type: 'string' }, service_details: anyObject }, required: ['service_details'] },
			respond: accepted,
		}),
		serviceRoute({
			name: 'updateDevice',
			method: 'PATCH',
			path: `${service}/devices/{device_id}`,
			body: {
				type: 'object',
				properties: { ...callbackUrls, category: deviceCategory, new_service_device_details: anyObject },
				required: ['callback_success_url', 'callback_error_url', 'category', 'new_service_device_details'],
			},
			respond: accepted,
			followUp: callBackResult('Device update'),
		}),
		serviceRoute({
			name: 'updateDeviceV3',
			method: 'PATCH',
			path: '/v3/{service_type}/{service_id}/devices/{device_id}',
			body: {
				type: 'object',
				properties: { category: deviceCategory, new_service_device_details: anyObject },
				required: ['category', 'new_service_device_details'],
			},
			respond: accepted,
		}),
		serviceRoute({
			name: 'updateNetflix',
			method: 'PATCH',
			path: '/v2/netflix/{service_id}',
			body: {
				type: 'object',
				properties: { offer_id: text, plan_type: text, transaction_id: text },
				required: ['offer_id', 'plan_type', 'transaction_id'],
			},
			respond: (request) => ({ status: 200, body: { transaction_id: (request.body as { transaction_id: string }).transaction_id } }),
		}),
		serviceRoute({
			name: 'notifySimyo',
			method: 'POST',
			path: '/v2/netflix/{service_id}/simyo',
			body: { type: 'object', properties: { pai: { type: 'string' }, netflixOfferId: { type: 'string' }, changeDate: { type: 'string' } } },
			respond: () => ({ status: 200 }),
		}),
		oauthTokenRoute,
	]),
};
