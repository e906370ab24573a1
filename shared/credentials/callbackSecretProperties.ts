import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of a Callback Secret credential (Bolttech and MasStack each have one of their own):
 * the secret a partner's callbacks must carry to start a workflow. MasStack and bolttech sign nothing and document no secret: the user puts it into the
 * callback URL they hand out (query parameter) or agrees a header with the partner. Kept in a
 * credential, it is stored encrypted and never in a workflow's parameters, so no saved execution
 * holds it.
 */
export const callbackSecretProperties: INodeProperties[] = [
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Only callbacks carrying this secret start the workflow; others get 401 and start nothing',
	},
	{
		displayName: 'Secret Location',
		name: 'location',
		type: 'options',
		options: [
			{ name: 'Header', value: 'header', description: 'The partner sends the secret in a header' },
			{
				name: 'Query Parameter',
				value: 'query',
				description: 'Add ?parameter=secret (the name below and your secret) to the callback URL you give the partner',
			},
		],
		default: 'query',
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameterName',
		type: 'string',
		default: 'secret',
		required: true,
		displayOptions: { show: { location: ['query'] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Callback-Secret',
		required: true,
		displayOptions: { show: { location: ['header'] } },
	},
];
