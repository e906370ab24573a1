import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { afostoEnvironment, afostoCredentialTest } from './afostoConnection';
import { accessTokenField, signWithBearerToken } from './shared/bearerToken';

export class AfostoApi implements ICredentialType {
	name = 'afostoApi';

	displayName = 'Afosto API';

	icon = { light: 'file:../icons/afosto.svg', dark: 'file:../icons/afosto.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#credentials';

	properties: INodeProperties[] = [...afostoEnvironment, accessTokenField('Afosto')];

	authenticate = signWithBearerToken;

	test: ICredentialTestRequest = afostoCredentialTest;
}
