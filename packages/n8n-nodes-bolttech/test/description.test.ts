import type { INodePropertyOptions } from 'n8n-workflow';

import { Bolttech } from '../nodes/Bolttech/Bolttech.node';

const node = new Bolttech();
const { properties } = node.description;

describe('bolttech node description', () => {
	const operationLists = properties.filter((property) => property.name === 'operation');

	it('routes every operation to a request or to a custom operation, so none is a silent no-op', () => {
		const unrouted = operationLists.flatMap((list) => {
			const resource = list.displayOptions?.show?.resource?.[0] as string;
			return (list.options as INodePropertyOptions[])
				.filter((option) => !option.routing?.request && !node.customOperations[resource as 'catalog']?.[option.value as 'updatePrices'])
				.map((option) => `${resource}.${option.value}`);
		});
		expect(unrouted).toEqual([]);
	});

	it('offers the operations the bolttech Actions API and the bolttech Catalog API (v4.1) and Verify IMEI (v4) describe', () => {
		const offered = operationLists.flatMap((list) =>
			(list.options as INodePropertyOptions[]).map((option) => `${list.displayOptions?.show?.resource?.[0]}.${option.value}`),
		);
		expect(offered.sort()).toEqual([
			'action.customAction',
			'action.validateDocument',
			'action.verifyImeis',
			'catalog.getRentalPricing',
			'catalog.getStock',
			'catalog.removeDevice',
			'catalog.updatePrices',
			'device.verifyImei',
		]);
	});

	it('offers both credential kinds behind the authentication selector', () => {
		expect(node.description.credentials?.map((credential) => [credential.name, credential.displayOptions?.show?.authentication])).toEqual([
			['bolttechApi', ['accessToken']],
			['bolttechOAuth2Api', ['oAuth2']],
		]);
	});
});
