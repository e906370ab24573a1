import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

/** The MasStack partner API v2's example refund, as a user fills in the node. */
const februaryRefund = {
	resource: 'refund',
	serviceType: 'mobile',
	serviceId: '612123456',
	refundDatetime: '2022-02-24T13:45:10Z',
	valueWithTaxes: 12.1,
	valueWithoutTaxes: 10,
	taxType: 'IVA',
	taxPercentage: 21,
	refundedMovementId: '5432167890',
};
const seedAmount = { value_with_taxes: 12.1, value_without_taxes: 10, tax: { type: 'IVA', percentage: 21 } };

describe('MasStack Refund', () => {
	it("Create sends the MasStack partner API v2's refund for a service and returns the refund id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...februaryRefund,
				operation: 'create',
				externalRefundUniqueId: '123456789',
				billable: false,
				additionalFields: {
					periodStart: '2022-01-31T23:00:00Z',
					periodEnd: '2022-02-28T23:00:00Z',
					externalInvoiceId: '123456789',
					description: 'February invoice',
				},
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createRefund');
		expect(request.path).toBe('/v2/mobile/612123456/billing/refunds');
		expect(request.body).toEqual({
			refund_datetime: '2022-02-24T13:45:10Z',
			period_start_datetime: '2022-01-31T23:00:00Z',
			period_end_datetime: '2022-02-28T23:00:00Z',
			amount: seedAmount,
			external_invoice_id: '123456789',
			external_refund_unique_id: '123456789',
			billable: false,
			movement_id: '5432167890',
			description: 'February invoice',
		});
		expect(result.json).toEqual([
			{
				code: 'CREATED',
				title: 'Refund created correctly',
				refund_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
				requestCorrelationId: request.headers['request-correlation-id'],
			},
		]);
	});

	it('Create for Non-Subscribable Service sends the transaction type and the refunded movement', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...februaryRefund,
				operation: 'createNonSubscribable',
				transactionTypeId: '5432167890',
				additionalFields: { externalRefundUniqueId: 'R-1' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('createNonSubscribableRefund');
		expect(request.path).toBe('/v2/mobile/612123456/billing/refund-non-subscribable-services');
		expect(request.body).toEqual({
			refund_datetime: '2022-02-24T13:45:10Z',
			amount: seedAmount,
			movement_id: '5432167890',
			transaction_type_id: '5432167890',
			external_refund_unique_id: 'R-1',
		});
	});

	it.each([
		[{ refundDatetime: '={{ "" }}' }, 'Item 0: "Refund Date" is empty'],
		[{ valueWithTaxes: 5 }, 'Item 0: "Amount With Taxes" (5) is smaller than Amount Without Taxes (10)'],
		[{ taxType: '={{ " " }}' }, 'Item 0: "Tax Type" is empty'],
	])('refuses %j before sending', async (change, message) => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...februaryRefund, operation: 'createNonSubscribable', transactionTypeId: '1', ...change },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe(message);
		expect(server.received).toHaveLength(0);
	});
});
