import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationField, partnerCredentials } from '../shared/transport/authentication';
import { JSON_API_REQUEST_DEFAULTS, declarativeOptionsField } from '../shared/transport/jsonApiRequestDefaults';
import { throwPartnerErrors } from '../shared/transport/partnerError';
import { actionFields, actionOperations } from './resources/action';
import { catalogFields, catalogOperations } from './resources/catalog';
import { payloadKeyStyleField } from './resources/catalog/catalogAction';
import { updatePricesInBatches } from './resources/catalog/updatePricesInBatches';
import { deviceFields, deviceOperations } from './resources/device';

/**
 * Besides each operation's own routing (in its file under resources/), every request runs the
 * hooks listed here: bolttech's error answers become n8n errors (each resource's postReceive), a
 * catalog payload is respelled in the chosen key style (Payload Keys, after every catalog field),
 * and the Options field sets the timeout and Content-Type (the last property).
 */
const throwOnBolttechError = { output: { postReceive: [throwPartnerErrors('bolttech')] } };

export class Bolttech implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bolttech',
		name: 'bolttech',
		icon: { light: 'file:../../icons/bolttech.svg', dark: 'file:../../icons/bolttech.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Verify IMEIs and documents, and keep the bolttech rental catalog in sync',
		defaults: { name: 'Bolttech' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: partnerCredentials('bolttech'),
		requestDefaults: JSON_API_REQUEST_DEFAULTS,
		properties: [
			authenticationField,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Action', value: 'action', routing: throwOnBolttechError },
					{ name: 'Catalog', value: 'catalog', routing: throwOnBolttechError },
					{ name: 'Device', value: 'device', routing: throwOnBolttechError },
				],
				default: 'action',
			},
			actionOperations,
			catalogOperations,
			deviceOperations,
			...actionFields,
			...catalogFields,
			payloadKeyStyleField,
			...deviceFields,
			declarativeOptionsField('bolttech'),
		],
	};

	customOperations = {
		catalog: { updatePrices: updatePricesInBatches },
	};
}
