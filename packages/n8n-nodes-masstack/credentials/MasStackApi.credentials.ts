import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { accessTokenField, signWithBearerToken } from './shared/bearerToken';
import { masStackEnvironment, masStackCredentialTest } from './masStackConnection';

export class MasStackApi implements ICredentialType {
	name = 'masStackApi';

	displayName = 'MasStack API';

	icon = { light: 'file:../icons/masstack.svg', dark: 'file:../icons/masstack.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-masstack#credentials';

	properties: INodeProperties[] = [...masStackEnvironment, accessTokenField('MasStack')];

	authenticate = signWithBearerToken;

	test: ICredentialTestRequest = masStackCredentialTest;
}
