import type { INodeProperties } from 'n8n-workflow';

/** A host a partner's document names, offered by what it is ("Staging", "Release candidate"). */
export interface DocumentedHost {
	name: string;
	url: string;
	description: string;
}

/**
 * The credential's base URL from its own fields, for expressions in other hidden fields (n8n gives
 * them the unresolved fields as `$self`, so they cannot read `baseUrl` itself).
 */
export const BASE_URL_FROM_SELF = '($self["environment"] === "custom" ? $self["customBaseUrl"] : $self["environment"])';

/**
 * Where a credential sends its requests: one of the hosts the partner's document shows, named for
 * what it is, or Custom with the Base URL the partner gave the user. Every request reads the
 * credential's `baseUrl`, which n8n works out from these two fields (a hidden field with an
 * expression, as n8n's own credentials derive their token URLs).
 */
export function environmentFields(partner: string, hosts: DocumentedHost[]): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				...hosts.map(({ name, url, description }) => ({ name, value: url, description })),
				{ name: 'Custom', value: 'custom', description: `The API host ${partner} gave you, e.g. for production` },
			],
			default: hosts[0].url,
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.example.com',
			description: `The API host ${partner} gave you, without a path`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'hidden',
			default: `={{ ${BASE_URL_FROM_SELF} }}`,
		},
	];
}
