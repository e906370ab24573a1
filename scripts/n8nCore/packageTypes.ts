import type {
	ICredentialType,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	KnownNodesAndCredentials,
} from 'n8n-workflow';

import { AfostoApi } from '../../credentials/AfostoApi.credentials';
import { AfostoOAuth2Api } from '../../credentials/AfostoOAuth2Api.credentials';
import { BolttechApi } from '../../credentials/BolttechApi.credentials';
import { BolttechOAuth2Api } from '../../credentials/BolttechOAuth2Api.credentials';
import { MasStackApi } from '../../credentials/MasStackApi.credentials';
import { MasStackOAuth2Api } from '../../credentials/MasStackOAuth2Api.credentials';
import { TelcoPartnersCallbackSecretApi } from '../../credentials/TelcoPartnersCallbackSecretApi.credentials';
import { AfostoCatalog } from '../../nodes/Afosto/AfostoCatalog.node';
import { AfostoContacts } from '../../nodes/Afosto/AfostoContacts.node';
import { AfostoContent } from '../../nodes/Afosto/AfostoContent.node';
import { AfostoFulfilment } from '../../nodes/Afosto/AfostoFulfilment.node';
import { AfostoIam } from '../../nodes/Afosto/AfostoIam.node';
import { AfostoMessaging } from '../../nodes/Afosto/AfostoMessaging.node';
import { AfostoOrders } from '../../nodes/Afosto/AfostoOrders.node';
import { AfostoPlatform } from '../../nodes/Afosto/AfostoPlatform.node';
import { AfostoWms } from '../../nodes/Afosto/AfostoWms.node';
import { AfostoTrigger } from '../../nodes/Afosto/AfostoTrigger.node';
import { Bolttech } from '../../nodes/Bolttech/Bolttech.node';
import { BolttechAsync } from '../../nodes/Bolttech/BolttechAsync.node';
import { BolttechTrigger } from '../../nodes/Bolttech/BolttechTrigger.node';
import { MasStack } from '../../nodes/MasStack/MasStack.node';
import { MasStackAsync } from '../../nodes/MasStack/MasStackAsync.node';
import { MasStackTrigger } from '../../nodes/MasStack/MasStackTrigger.node';

/** The prefix n8n gives a community package's node types. */
export const PACKAGE_PREFIX = 'n8n-nodes-telco-partners';

/** The Afosto nodes, one per Afosto service. */
export const AFOSTO_NODE_CLASSES: Array<new () => INodeType> = [
	AfostoCatalog,
	AfostoContacts,
	AfostoContent,
	AfostoFulfilment,
	AfostoIam,
	AfostoMessaging,
	AfostoOrders,
	AfostoPlatform,
	AfostoWms,
];

const nodeClasses: Array<new () => INodeType> = [
	...AFOSTO_NODE_CLASSES,
	AfostoTrigger,
	Bolttech,
	BolttechAsync,
	BolttechTrigger,
	MasStack,
	MasStackAsync,
	MasStackTrigger,
];
const credentialClasses: Array<new () => ICredentialType> = [
	AfostoApi,
	AfostoOAuth2Api,
	BolttechApi,
	BolttechOAuth2Api,
	MasStackApi,
	MasStackOAuth2Api,
	TelcoPartnersCallbackSecretApi,
];

export const credentialTypes: Map<string, ICredentialType> = new Map(
	credentialClasses.map((CredentialClass) => {
		const credential = new CredentialClass();
		return [credential.name, credential];
	}),
);

/** The package's node types, keyed the way n8n keys installed community nodes. */
export class PackageNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType>(
		nodeClasses.map((NodeClass) => {
			const node = new NodeClass();
			return [`${PACKAGE_PREFIX}.${node.description.name}`, node];
		}),
	);

	/** Adds a node type that exists only in tests, such as the credential-test runner. */
	register(name: string, nodeType: INodeType): string {
		const fullName = `test.${name}`;
		this.byName.set(fullName, nodeType);
		return fullName;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.requireType(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		return this.requireType(nodeType);
	}

	getKnownTypes(): KnownNodesAndCredentials['nodes'] {
		return {};
	}

	private requireType(nodeType: string): INodeType {
		const type = this.byName.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}; known: ${[...this.byName.keys()].join(', ')}`);
		return type;
	}
}
