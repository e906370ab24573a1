import type { INodeParameters } from 'n8n-workflow';

import { MasStack } from '../nodes/MasStack/MasStack.node';
import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { noOutcomes, summaryLine, throwAwkwardValuesAtEveryField } from '../../../test/harness/wireValues';
import type { WireOperation } from '../../../test/harness/wireValues';

const { server, tokenCredentials } = useMasStackServer();

const service = { serviceType: 'mobile', serviceId: '612123456' };
const callbacks = {
	callbackSuccessUrl: 'https://n8n.example.com/webhook/abc/masstack/success',
	callbackErrorUrl: 'https://n8n.example.com/webhook/abc/masstack/error',
};
const options = { options: { correlationId: '' } };
// Amounts leave room for 42 in either field: with taxes 121, without 100, 21 %.
const amounts = { valueWithTaxes: 121, valueWithoutTaxes: 100, taxType: 'IVA', taxPercentage: 21 };
const period = { periodStart: '2022-02-01T00:00:00Z', periodEnd: '2022-02-28T23:59:59Z', externalInvoiceId: 'INV-1', description: 'February invoice' };
const movement = { movementType: 'RECURRING_CHARGE', movementDatetime: '2022-02-24T13:45:10Z', ...amounts };
const refund = { refundDatetime: '2022-02-24T13:45:10Z', refundedMovementId: '4d9d437f-ef3b-41e7-b474-067b1917cc4e', ...amounts };

/** A valid request of every operation of the MasStack node; each field in turn gets the awkward values. */
const MASSTACK_OPERATIONS: INodeParameters[] = [
	{ resource: 'barring', operation: 'get', ...service },
	{ resource: 'barring', operation: 'update', ...service, barringName: 'ROAMING', active: true, ...callbacks },
	{
		resource: 'billingMovement',
		operation: 'create',
		...service,
		...movement,
		externalMovementUniqueId: 'EXT-1',
		billable: true,
		additionalFields: { ...period, conceptId: 'C-1', campaignId: '234' },
	},
	{ resource: 'billingMovement', operation: 'createNonSubscribable', ...service, ...movement, transactionTypeId: '1', additionalFields: { ...period, externalMovementUniqueId: 'EXT-2' } },
	{ resource: 'billingMovement', operation: 'updateNonSubscribable', ...service, movementId: 'M-1', ...movement, transactionTypeId: '1', additionalFields: { ...period, externalMovementUniqueId: 'EXT-2' } },
	{ resource: 'billingMovement', operation: 'delete', ...service, movementId: 'M-1' },
	{ resource: 'billingMovement', operation: 'deleteNonSubscribable', ...service, movementId: 'M-1' },
	{ resource: 'refund', operation: 'create', ...service, ...refund, externalRefundUniqueId: 'R-1', billable: false, additionalFields: period },
	{ resource: 'refund', operation: 'createNonSubscribable', ...service, ...refund, transactionTypeId: '1', additionalFields: { ...period, externalRefundUniqueId: 'R-2' } },
	{ resource: 'promotion', operation: 'activate', ...service, promotionNumber: 76, activationDate: '2017-09-15T22:00:00Z', additionalFields: { deactivationDate: '2018-09-15T22:00:00Z' } },
	{ resource: 'promotion', operation: 'updateDeactivationDate', ...service, promotionId: '8da2b117-ef72-413d-98ce-36d1eb544e44', deactivationDate: '2022-02-24T13:45:10Z' },
	{ resource: 'service', operation: 'create', apiVersion: 'v2', serviceType: 'applewatch', serviceDetails: '{"tariff": "T100"}', ...callbacks, additionalFields: { newServiceId: '612123456' } },
	// The callback URLs are hidden in v3 (and so not sent); n8n still asks for them while API Version is an expression.
	{ resource: 'service', operation: 'create', apiVersion: 'v3', serviceType: 'applewatch', serviceDetails: '{"tariff": "T100"}', ...callbacks, additionalFields: { newServiceId: '612123456' } },
	{ resource: 'service', operation: 'updateDevice', apiVersion: 'v2', ...service, deviceId: '8934011234567890123', category: 'eSIM', newDeviceDetails: '{"iccid": "8934011234567890124"}', ...callbacks },
	{ resource: 'service', operation: 'updateNetflix', serviceId: '612123456', offerId: 'OFFER-1', planType: 'premium', transactionId: 'T-1' },
	{ resource: 'service', operation: 'notifySimyo', serviceId: '612123456', netflixChange: { pai: 'PAI-1', netflixOfferId: 'OFFER-1', changeDate: '2022-02-24T13:45:10Z' } },
// Wait for Callback off, as a saved workflow has it: the callback URL fields then show.
].map((parameters) => ({ ...parameters, waitForCallback: false, ...options }));

/** The operations that call back, with Wait for Callback on; one item per run. */
const WAITING_OPERATIONS: INodeParameters[] = [
	{ resource: 'barring', operation: 'update', ...service, barringName: 'ROAMING', active: true },
	{ resource: 'service', operation: 'create', serviceType: 'applewatch', serviceDetails: '{"tariff": "T100"}', additionalFields: { newServiceId: '612123456' } },
	{ resource: 'service', operation: 'updateDevice', ...service, deviceId: '8934011234567890123', category: 'eSIM', newDeviceDetails: '{"iccid": "8934011234567890124"}' },
].map((parameters) => ({ ...parameters, waitForCallback: true, timeoutMinutes: 5, ...options }));

const nameOf = (parameters: INodeParameters) => `${String(parameters.resource)} ${String(parameters.operation)}${parameters.apiVersion === 'v3' ? ' (v3)' : ''}`;

describe('MasStack: wrong-typed values in every field', () => {
	const outcomes = noOutcomes();
	afterAll(() => {
		console.log(summaryLine('MasStack, waiting or not', MASSTACK_OPERATIONS.length + WAITING_OPERATIONS.length, outcomes));
	});

	it.each(MASSTACK_OPERATIONS.map((parameters) => [nameOf(parameters), parameters]))(
		'MasStack %s: each field refuses null, empty, dot, object, list, number, 10 KB, CRLF and unicode values naming item and field, or sends a well-formed request',
		async (_name, parameters) => {
			const operation: WireOperation = { type: 'masStack', parameters: parameters as INodeParameters, credentials: tokenCredentials(), allowTrailingSlash: parameters.operation === 'create' && parameters.resource === 'service' };
			expect(await throwAwkwardValuesAtEveryField(server, new MasStack().description, operation, outcomes)).toEqual([]);
		},
	);

	it.each(WAITING_OPERATIONS.map((parameters) => [nameOf(parameters), parameters]))(
		'MasStack %s, waiting for the callback: each field refuses the same values naming the field, or sends a well-formed request',
		async (_name, parameters) => {
			const operation: WireOperation = {
				type: 'masStack',
				parameters: parameters as INodeParameters,
				credentials: tokenCredentials(),
				oneItemPerRun: true,
				allowTrailingSlash: parameters.operation === 'create',
			};
			expect(await throwAwkwardValuesAtEveryField(server, new MasStack().description, operation, outcomes)).toEqual([]);
		},
	);
});
