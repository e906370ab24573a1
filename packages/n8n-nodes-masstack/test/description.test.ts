import type { INodePropertyOptions } from 'n8n-workflow';

import { MasStack } from '../nodes/MasStack/MasStack.node';
import { MASSTACK_RESOURCES } from '../nodes/MasStack/resources';

const node = new MasStack();
const { properties } = node.description;

describe('MasStack node description', () => {
	it('offers every endpoint of the MasStack partner API v3 and v2, each as one operation', () => {
		const listed = properties
			.filter((property) => property.name === 'operation')
			.flatMap((list) => (list.options as INodePropertyOptions[]).map((option) => `${String(list.displayOptions?.show?.resource)}.${option.value}`));
		const described = MASSTACK_RESOURCES.flatMap(({ value, operations }) => operations.map((operation) => `${value}.${operation.value}`));
		expect(listed).toEqual(described);
		const endpoints = MASSTACK_RESOURCES.flatMap(({ operations }) => operations.map(({ request }) => `${request.method} ${request.path}`));
		expect(endpoints.sort()).toEqual(
			[
				'GET /v2/{service_type}/{service_id}/barrings',
				'PATCH /v2/{service_type}/{service_id}/barrings',
				'POST /v2/{service_type}/{service_id}/billing/movements',
				'DELETE /v2/{service_type}/{service_id}/billing/movements/{movement_id}',
				'POST /v2/{service_type}/{service_id}/billing/movements-non-subscribable-services',
				'PUT /v2/{service_type}/{service_id}/billing/movements-non-subscribable-services/{movement_id}',
				'DELETE /v2/{service_type}/{service_id}/billing/movements-non-subscribable-services/{movement_id}',
				'POST /v2/{service_type}/{service_id}/billing/refunds',
				'POST /v2/{service_type}/{service_id}/billing/refund-non-subscribable-services',
				'POST /v2/{service_type}/{service_id}/promotions',
				'PATCH /v2/{service_type}/{service_id}/promotions/{promotion_id}',
				// v2 and v3 by the API Version field
				'POST /{api_version}/{service_type}/',
				'PATCH /{api_version}/{service_type}/{service_id}/devices/{device_id}',
				'PATCH /v2/netflix/{service_id}',
				'POST /v2/netflix/{service_id}/simyo',
			].sort(),
		);
	});

	it('offers both credential kinds behind the authentication selector', () => {
		expect(node.description.credentials?.map((credential) => [credential.name, credential.displayOptions?.show?.authentication])).toEqual([
			['masStackApi', ['accessToken']],
			['masStackOAuth2Api', ['oAuth2']],
		]);
	});

	it('offers the seven service types of the MasStack partner API v3 as a dropdown', () => {
		const serviceTypes = properties.filter((property) => property.name === 'serviceType');
		expect(serviceTypes.length).toBeGreaterThan(0);
		for (const field of serviceTypes) {
			expect((field.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
				'multisim',
				'security',
				'tv',
				'datasharing',
				'mobile',
				'applewatch',
				'deviceinsurance',
			]);
		}
	});

	it('offers Wait for Callback for exactly the three operations MasStack answers at callback URLs, and hides the URLs while waiting', () => {
		const offeredFor = properties
			.filter((property) => property.name === 'waitForCallback')
			.flatMap((field) => (field.displayOptions?.show?.operation as string[]).map((operation) => `${String(field.displayOptions?.show?.resource)}.${operation}`));
		expect(offeredFor).toEqual(['barring.update', 'service.create', 'service.updateDevice']);
		const callbackUrlFields = properties.filter((property) => property.name.startsWith('callback'));
		expect(callbackUrlFields.length).toBeGreaterThan(0);
		for (const field of callbackUrlFields) expect(field.displayOptions?.show?.waitForCallback).toEqual([false]);
	});

	it('has Success, Error and Timed Out outputs while waiting, one main output otherwise', () => {
		expect(node.description.outputs).toBe(
			'={{ $parameter.waitForCallback === true ? [{"type":"main","displayName":"Success"},{"type":"main","displayName":"Error"},{"type":"main","displayName":"Timed Out"}] : ["main"] }}',
		);
	});
});
