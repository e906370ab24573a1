import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { bolttechEnvironment, bolttechCredentialTest } from './bolttechConnection';
import { clientCredentialsFields } from './shared/clientCredentialsFields';

export class BolttechOAuth2Api implements ICredentialType {
	name = 'bolttechOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bolttech OAuth2 API';

	icon = { light: 'file:../icons/bolttech.svg', dark: 'file:../icons/bolttech.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-bolttech#credentials';

	properties: INodeProperties[] = [...bolttechEnvironment, ...clientCredentialsFields('bolttech')];

	test: ICredentialTestRequest = bolttechCredentialTest;
}
