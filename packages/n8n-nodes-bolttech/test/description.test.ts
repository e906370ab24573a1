import type { INodePropertyOptions } from 'n8n-workflow';

import { Bolttech } from '../nodes/Bolttech/Bolttech.node';
import { BOLTTECH_RESOURCES } from '../nodes/Bolttech/resources';

const node = new Bolttech();
const { properties } = node.description;

describe('bolttech node description', () => {
	const operationLists = properties.filter((property) => property.name === 'operation');

	it('lists exactly the operations it has a request for, so none is a silent no-op', () => {
		const listed = operationLists.flatMap((list) =>
			(list.options as INodePropertyOptions[]).map((option) => `${String(list.displayOptions?.show?.resource?.[0])}.${option.value}`),
		);
		const described = BOLTTECH_RESOURCES.flatMap(({ value, operations }) => operations.map(({ option }) => `${value}.${option.value}`));
		expect(listed).toEqual(described);
	});

	it('offers Wait for Callback for Get Rental Pricing, Get Stock and Remove Device, and hides their Callback URL while waiting', () => {
		const offeredFor = properties
			.filter((property) => property.name === 'waitForCallback')
			.flatMap((field) => (field.displayOptions?.show?.operation as string[]).map((operation) => `${String(field.displayOptions?.show?.resource)}.${operation}`));
		expect(offeredFor).toEqual(['catalog.getRentalPricing', 'catalog.getStock', 'catalog.removeDevice']);
		const callbackUrls = properties.filter((property) => property.name === 'callbackUrl').map((field) => field.displayOptions?.show);
		expect(callbackUrls).toEqual([
			{ resource: ['catalog'], operation: ['updatePrices'] },
			{ resource: ['catalog'], operation: ['getRentalPricing', 'getStock', 'removeDevice'], waitForCallback: [false] },
		]);
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
