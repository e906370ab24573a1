import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

/** The MasStack partner API v2's example movement, as a user fills in the node. */
const februaryCharge = {
	resource: 'billingMovement',
	serviceType: 'mobile',
	serviceId: '612123456',
	movementType: 'RECURRING_CHARGE',
	movementDatetime: '2022-02-24T13:45:10Z',
	valueWithTaxes: 12.1,
	valueWithoutTaxes: 10,
	taxType: 'IVA',
	taxPercentage: 21,
};
const februaryPeriod = {
	periodStart: '2022-01-31T23:00:00Z',
	periodEnd: '2022-02-28T23:00:00Z',
	externalInvoiceId: '123456789',
	description: 'February invoice',
};
const seedAmount = { value_with_taxes: 12.1, value_without_taxes: 10, tax: { type: 'IVA', percentage: 21 } };

describe('MasStack Billing Movement', () => {
	it("Create sends the MasStack partner API v2's movement for a service and returns the movement id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...februaryCharge,
				operation: 'create',
				externalMovementUniqueId: '123456789',
				billable: false,
				additionalFields: { ...februaryPeriod, conceptId: '5432167890', campaignId: '234' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createMovement');
		expect(request.path).toBe('/v2/mobile/612123456/billing/movements');
		expect(request.body).toEqual({
			type: 'RECURRING_CHARGE',
			movement_datetime: '2022-02-24T13:45:10Z',
			period_start_datetime: '2022-01-31T23:00:00Z',
			period_end_datetime: '2022-02-28T23:00:00Z',
			amount: seedAmount,
			external_invoice_id: '123456789',
			external_movement_unique_id: '123456789',
			billable: false,
			concept_id: '5432167890',
			campaign_id: '234',
			description: 'February invoice',
		});
		expect(result.json).toEqual([
			{
				code: 'CREATED',
				title: 'Movement created correctly',
				movement_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				requestCorrelationId: request.headers['request-correlation-id'],
			},
		]);
	});

	it('Create for Non-Subscribable Service sends the transaction type and nothing that was left empty', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...februaryCharge, operation: 'createNonSubscribable', transactionTypeId: '5432167890' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createNonSubscribableMovement');
		expect(request.path).toBe('/v2/mobile/612123456/billing/movements-non-subscribable-services');
		expect(request.body).toEqual({
			type: 'RECURRING_CHARGE',
			movement_datetime: '2022-02-24T13:45:10Z',
			amount: seedAmount,
			transaction_type_id: '5432167890',
		});
	});

	it('Update for Non-Subscribable Service replaces the movement at its id', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...februaryCharge,
				operation: 'updateNonSubscribable',
				movementId: '4d9d437f-ef3b-41e7-b474-067b1917cc4e',
				transactionTypeId: '5432167890',
				additionalFields: { ...februaryPeriod, externalMovementUniqueId: '123456789' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('updateNonSubscribableMovement');
		expect(request.method).toBe('PUT');
		expect(request.pathParameters.movement_id).toBe('4d9d437f-ef3b-41e7-b474-067b1917cc4e');
		expect(request.body).toMatchObject({ external_movement_unique_id: '123456789', description: 'February invoice' });
		expect(result.json[0]).toMatchObject({ code: 'CREATED', title: 'Movement updated correctly' });
	});

	it.each([
		['delete', 'deleteMovement', '/v2/tv/800100200/billing/movements/4d9d437f'],
		['deleteNonSubscribable', 'deleteNonSubscribableMovement', '/v2/tv/800100200/billing/movements-non-subscribable-services/4d9d437f'],
	])('%s deletes the movement at its path without a body', async (operation, route, path) => {
		const result = await runNode({
			type: 'masStack',
			parameters: { resource: 'billingMovement', operation, serviceType: 'tv', serviceId: '800100200', movementId: '4d9d437f' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo(route);
		expect(request.method).toBe('DELETE');
		expect(request.path).toBe(path);
		expect(request.rawBody).toBe('');
		expect(result.json[0]).toMatchObject({ code: 'DELETED', title: 'Movement deleted correctly' });
	});

	it('sends date-times in ISO 8601 UTC whatever form they come in: picker value in the workflow zone, DateTime, text with offset', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...februaryCharge,
				operation: 'createNonSubscribable',
				transactionTypeId: '1',
				movementDatetime: '2022-02-24T14:45:10',
				additionalFields: {
					periodStart: "={{ DateTime.fromISO('2022-02-01T00:00:00', { zone: 'Europe/Madrid' }) }}",
					periodEnd: '2022-03-01T00:00:00+01:00',
				},
			},
			credentials: tokenCredentials(),
			timezone: 'Europe/Madrid',
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('createNonSubscribableMovement')[0].body).toMatchObject({
			movement_datetime: '2022-02-24T13:45:10Z',
			period_start_datetime: '2022-01-31T23:00:00Z',
			period_end_datetime: '2022-02-28T23:00:00Z',
		});
	});

	it('accepts amounts that arrive as text, as they do from CSV files', async () => {
		await runNode({
			type: 'masStack',
			parameters: { ...februaryCharge, operation: 'createNonSubscribable', transactionTypeId: '1', valueWithTaxes: '={{ "12.10" }}' },
			credentials: tokenCredentials(),
		});

		server.assertNoViolations();
		expect(server.requestsTo('createNonSubscribableMovement')[0].body).toMatchObject({ amount: seedAmount });
	});

	it.each([
		[{ movementDatetime: 'next Tuesday' }, 'Item 0: "Movement Date" is not a date-time: "next Tuesday"'],
		[{ additionalFields: { periodStart: '2022-01-31T23:00:00Z' } }, 'Item 0: "Period End" is missing'],
		[{ additionalFields: { periodEnd: '2022-01-31T23:00:00Z' } }, 'Item 0: "Period Start" is missing'],
		[
			{ additionalFields: { periodStart: '2022-03-01T00:00:00Z', periodEnd: '2022-02-01T00:00:00Z' } },
			'Item 0: "Period End" (2022-02-01T00:00:00Z) is before Period Start (2022-03-01T00:00:00Z)',
		],
		[{ valueWithTaxes: 8, valueWithoutTaxes: 10 }, 'Item 0: "Amount With Taxes" (8) is smaller than Amount Without Taxes (10)'],
		[{ valueWithTaxes: '={{ "12,10 €" }}' }, 'Item 0: "Amount With Taxes" must be a number, got "12,10 €"'],
		[{ taxPercentage: '={{ 121 }}' }, 'Item 0: "Tax Percentage" (121) is outside 0–100'],
		[{ movementType: '={{ "REFUND" }}' }, 'Item 0: "Movement Type" "REFUND" is not one of'],
	])('refuses %j before sending', async (change, message) => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...februaryCharge, operation: 'createNonSubscribable', transactionTypeId: '1', ...change },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toContain(message);
		expect(server.received).toHaveLength(0);
	});

	it('accepts a discount: negative amounts whose taxed value is the larger in size', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...februaryCharge, operation: 'createNonSubscribable', transactionTypeId: '1', movementType: 'DISCOUNT', valueWithTaxes: -12.1, valueWithoutTaxes: -10 },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
	});

	it('reports a failed item and goes on with the next when Continue On Fail is set', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...februaryCharge, operation: 'createNonSubscribable', transactionTypeId: '1', valueWithTaxes: '={{ $json.total }}' },
			items: [{ total: 12.1 }, { total: 'twelve' }, { total: 12.1 }],
			continueOnFail: true,
			credentials: tokenCredentials(),
		});

		expect(result.json).toHaveLength(3);
		expect(result.json[0]).toMatchObject({ code: 'CREATED' });
		expect(result.json[1]).toMatchObject({ error: 'Item 1: "Amount With Taxes" must be a number, got "twelve"' });
		expect(result.json[2]).toMatchObject({ code: 'CREATED' });
		expect(server.requestsTo('createNonSubscribableMovement')).toHaveLength(2);
	});
});
