import type { INodeProperties } from 'n8n-workflow';

import { SECURE_BY_DEFAULT_VERSION } from './triggerVersions';

const AUTHENTICATION_OPTIONS = [
	{ name: 'Callback Secret', value: 'callbackSecret', description: 'Only callbacks carrying the credential\'s secret start the workflow' },
	{ name: 'None', value: 'none', description: 'Every callback to this node\'s URLs starts the workflow' },
];

/**
 * The partners sign nothing and document no secret: the shared secret is something the user puts
 * into the callback URL they hand out (query parameter) or agrees with the partner as a header.
 * It lives in a credential. The `sharedSecret` parameter of earlier versions is still honoured
 * when a saved workflow has it; node parameters are saved with every execution, so the editor
 * shows a notice to move it while it is set, and drops it once a credential is chosen.
 */
export const callbackSecretFields: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: AUTHENTICATION_OPTIONS,
		default: 'none',
		displayOptions: { show: { '@version': [{ _cnd: { lt: SECURE_BY_DEFAULT_VERSION } }] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: AUTHENTICATION_OPTIONS,
		default: 'callbackSecret',
		displayOptions: { show: { '@version': [{ _cnd: { gte: SECURE_BY_DEFAULT_VERSION } }] } },
	},
	{
		displayName:
			'Without a callback secret, anyone who learns this node\'s URLs can start the workflow with a made-up result. Choose Callback Secret unless something in front of n8n checks the callers.',
		name: 'noAuthenticationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'], '@version': [{ _cnd: { gte: SECURE_BY_DEFAULT_VERSION } }] } },
	},
	{
		displayName:
			'This Shared Secret is stored in the workflow\'s parameters, so every saved execution holds it in clear text. Create a Callback Secret credential with the same secret and location and choose Authentication: Callback Secret; the Shared Secret is then removed from the workflow. Until then it is still checked.',
		name: 'sharedSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] }, hide: { sharedSecret: [''] } },
	},
	{
		displayName: 'Shared Secret (Deprecated)',
		name: 'sharedSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Kept for workflows saved before the Callback Secret credential; use Authentication: Callback Secret instead. A secret here is saved in clear text with every execution.',
		// Not shown once a credential is chosen, so n8n drops it from the saved workflow then.
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName: 'Secret Location',
		name: 'secretLocation',
		type: 'options',
		options: [
			{ name: 'Header', value: 'header', description: 'The partner sends the secret in a header' },
			{
				name: 'Query Parameter',
				value: 'query',
				description: 'Add ?secret=… to the callback URL you give the partner',
			},
		],
		default: 'query',
		displayOptions: { show: { authentication: ['none'] }, hide: { sharedSecret: [''] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Callback-Secret',
		displayOptions: { show: { authentication: ['none'], secretLocation: ['header'] }, hide: { sharedSecret: [''] } },
	},
];
