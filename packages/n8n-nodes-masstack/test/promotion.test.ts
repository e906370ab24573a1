import { useMasStackServer } from '../../../test/harness/masStackSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useMasStackServer();

const promotionOnLine = { resource: 'promotion', serviceType: 'mobile', serviceId: '612123456' };

describe('MasStack Promotion', () => {
	it("Activate sends the MasStack partner API v2's promotion and returns the promotion id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...promotionOnLine,
				operation: 'activate',
				promotionNumber: 76,
				activationDate: '2017-09-15T22:00:00Z',
				additionalFields: { deactivationDate: '2018-09-15T22:00:00Z' },
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('activatePromotion');
		expect(request.path).toBe('/v2/mobile/612123456/promotions');
		expect(request.body).toEqual({
			promotion: { promotion_id: 76, activation_date: '2017-09-15T22:00:00Z', deactivation_date: '2018-09-15T22:00:00Z' },
		});
		expect(result.json[0]).toMatchObject({ code: 'CREATED', title: 'Promotion created correctly' });
	});

	it('Update Deactivation Date patches the promotion at its id', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: {
				...promotionOnLine,
				operation: 'updateDeactivationDate',
				promotionId: '8da2b117-ef72-413d-98ce-36d1eb544e44',
				deactivationDate: '2022-02-24T13:45:10Z',
			},
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const [request] = server.requestsTo('updatePromotion');
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe('/v2/mobile/612123456/promotions/8da2b117-ef72-413d-98ce-36d1eb544e44');
		expect(request.body).toEqual({ deactivation_date: '2022-02-24T13:45:10Z' });
		expect(result.json[0]).toMatchObject({ code: 'OK', title: 'Promotion updated correctly' });
	});

	it.each([
		[{ promotionNumber: '={{ 7.5 }}' }, 'Item 0: "Promotion ID" must be a whole number above 0, got 7.5'],
		[
			{ additionalFields: { deactivationDate: '2017-01-01T00:00:00Z' } },
			'Item 0: "Deactivation Date" (2017-01-01T00:00:00Z) is before Activation Date (2017-09-15T22:00:00Z)',
		],
		[{ activationDate: '={{ "15/09/2017" }}' }, 'Item 0: "Activation Date" is not a date-time: "15/09/2017"'],
	])('Activate refuses %j before sending', async (change, message) => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...promotionOnLine, operation: 'activate', promotionNumber: 76, activationDate: '2017-09-15T22:00:00Z', ...change },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe(message);
		expect(server.received).toHaveLength(0);
	});

	it('Update Deactivation Date refuses an empty promotion id, which would change the path', async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...promotionOnLine, operation: 'updateDeactivationDate', promotionId: '={{ "" }}', deactivationDate: '2022-02-24T13:45:10Z' },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('Item 0: "Promotion ID" is empty');
		expect(server.received).toHaveLength(0);
	});
});
