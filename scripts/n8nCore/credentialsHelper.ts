import { Credentials } from 'n8n-core';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';

import { credentialTypes } from './packageTypes';

/**
 * Serves test credentials to n8n-core and applies each credential type's own `authenticate`
 * definition, resolving its expressions the way n8n's CLI does, so a test proves the shipped
 * credential really signs requests.
 */
export class PackageCredentialsHelper extends ICredentialsHelper {
	/** OAuth2 token data n8n-core asked to persist, by credential type. */
	readonly savedTokenData: Record<string, ICredentialDataDecryptedObject> = {};
	/** How often each credential type was read (in n8n, a database read and a decryption each). */
	readonly decryptedReads: Record<string, number> = {};

	constructor(private readonly dataByType: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of credentialTypes.get(name)?.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = credentialTypes.get(typeName)?.authenticate;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!workflow || !node) throw new Error('authenticate needs the workflow and node to resolve expressions');
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(
				value as string,
				null,
				0,
				0,
				node.name,
				[],
				'internal',
				{ $credentials: credentials },
			);
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const destination = ((options as unknown as Record<string, Record<string, unknown>>)[target] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				destination[key] = resolve(value);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(
		_helpers: IHttpRequestHelper,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials(nodeCredentials, type, '');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.dataByType[type];
		if (!data) throw new Error(`The test gave no credentials of type ${type}`);
		this.decryptedReads[type] = (this.decryptedReads[type] ?? 0) + 1;
		return { ...data, ...(this.savedTokenData[type] ? { oauthTokenData: this.savedTokenData[type] } : {}) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.savedTokenData[type] = data.oauthTokenData as ICredentialDataDecryptedObject;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes.get(type)?.properties ?? [];
	}
}
