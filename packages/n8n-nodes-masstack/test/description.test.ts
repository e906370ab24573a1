import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MasStack } from '../nodes/MasStack/MasStack.node';
import { MasStackAsync } from '../nodes/MasStack/MasStackAsync.node';

const node = new MasStack();
const { properties } = node.description;

describe('MasStack node description', () => {
	it('offers every endpoint of the MasStack partner API v3 and v2, each as one operation', () => {
		const endpoints = properties
			.filter((property) => property.name === 'operation')
			.flatMap((list) =>
				(list.options as INodePropertyOptions[]).map((option) => {
					const request = option.routing?.request;
					return `${request?.method} ${String(request?.url)}`;
				}),
			);
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

	it("lets MasStack Async show each of its operations with the MasStack node's own fields, less the callback URLs it fills in itself", () => {
		const shownFor = (list: INodeProperties[], resource: string, operation: string) =>
			list
				.filter((property) => property.name !== 'operation')
				.filter((property) => (property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource))
				.filter((property) => {
					const operations = property.displayOptions?.show?.operation as string[] | undefined;
					return !operations || operations.includes(operation);
				})
				.map(({ name, type, default: value, routing }) => ({ name, type, default: value, routing }));
		const asyncProperties = new MasStackAsync().description.properties;
		for (const [resource, operation] of [['barring', 'update'], ['service', 'create'], ['service', 'updateDevice']]) {
			const fromMasStack = shownFor(properties, resource, operation).filter(
				(field) => field.name !== 'apiVersion' && !field.name.startsWith('callback'),
			);
			expect(fromMasStack.length).toBeGreaterThan(2);
			expect(shownFor(asyncProperties, resource, operation)).toEqual(fromMasStack);
		}
	});
});
