import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { clientCredentialsFields } from './shared/clientCredentialsFields';
import { masStackEnvironment, masStackCredentialTest } from './masStackConnection';

export class MasStackOAuth2Api implements ICredentialType {
	name = 'masStackOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MasStack OAuth2 API';

	icon = { light: 'file:../icons/masstack.svg', dark: 'file:../icons/masstack.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-masstack#credentials';

	properties: INodeProperties[] = [...masStackEnvironment, ...clientCredentialsFields('MasStack')];

	test: ICredentialTestRequest = masStackCredentialTest;
}
