import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { accessTokenField, signWithBearerToken } from './shared/bearerToken';
import { bolttechEnvironment, bolttechCredentialTest } from './bolttechConnection';

export class BolttechApi implements ICredentialType {
	name = 'bolttechApi';

	displayName = 'Bolttech API';

	icon = { light: 'file:../icons/bolttech.svg', dark: 'file:../icons/bolttech.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-bolttech#credentials';

	properties: INodeProperties[] = [...bolttechEnvironment, accessTokenField('bolttech')];

	authenticate = signWithBearerToken;

	test: ICredentialTestRequest = bolttechCredentialTest;
}
