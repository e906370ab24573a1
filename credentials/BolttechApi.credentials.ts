import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { bolttechBaseUrl, bolttechCredentialTest } from './bolttechConnection';

export class BolttechApi implements ICredentialType {
	name = 'bolttechApi';

	displayName = 'Bolttech API';

	icon = { light: 'file:../icons/bolttech.svg', dark: 'file:../icons/bolttech.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners#bolttech-credentials';

	properties: INodeProperties[] = [
		bolttechBaseUrl,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The bearer token bolttech issued to your partner account',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = bolttechCredentialTest;
}
