import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IHttpRequestOptions,
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

	/**
	 * A function rather than a generic `={{ }}` template: n8n evaluates a template on every
	 * request, which cost more than the request itself in a 100,000-SKU price sync.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken as string}` };
		return requestOptions;
	}

	test: ICredentialTestRequest = bolttechCredentialTest;
}
