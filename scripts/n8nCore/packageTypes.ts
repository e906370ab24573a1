import type {
	ICredentialType,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	KnownNodesAndCredentials,
} from 'n8n-workflow';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The partner packages' node and credential types, for running nodes in-process with n8n-core.
 * The lists come from each package's package.json (its `n8n` section, the one list of what the
 * package ships): `dist/nodes/Bolttech/Bolttech.node.js` loads `nodes/Bolttech/Bolttech.node`
 * from the package's source folder (compiled by ts-jest in tests, or into .build/ for the bench).
 */
const PACKAGES_SOURCE = join(__dirname, '..', '..', 'packages');
/** Where the package.json files are: the repository's packages/, also when this runs compiled in .build/. */
const PACKAGES_MANIFESTS = [PACKAGES_SOURCE, join(__dirname, '..', '..', '..', 'packages')].find((folder) =>
	existsSync(join(folder, 'n8n-nodes-bolttech', 'package.json')),
) as string;

interface PartnerPackage {
	name: string;
	folder: string;
	nodes: string[];
	credentials: string[];
}

const PARTNER_PACKAGES: PartnerPackage[] = readdirSync(PACKAGES_MANIFESTS)
	.sort()
	.map((folder) => {
		const manifest = JSON.parse(readFileSync(join(PACKAGES_MANIFESTS, folder, 'package.json'), 'utf8'));
		return { name: manifest.name, folder, nodes: manifest.n8n.nodes, credentials: manifest.n8n.credentials };
	});

/** The first class a compiled file exports, loaded from the package's source instead of dist/. */
function classOf<T>(partnerPackage: PartnerPackage, distFile: string): new () => T {
	const sourceModule = distFile.replace(/^dist\//, '').replace(/\.js$/, '');
	const exported = require(join(PACKAGES_SOURCE, partnerPackage.folder, sourceModule)) as Record<string, new () => T>;
	return Object.values(exported).find((value) => typeof value === 'function') as new () => T;
}

/** Every node of the packages with the type name n8n gives it (`n8n-nodes-bolttech.bolttech`). */
export const PARTNER_NODES: ReadonlyArray<{ fullName: string; node: INodeType }> = PARTNER_PACKAGES.flatMap((partnerPackage) =>
	partnerPackage.nodes.map((file) => {
		const node = new (classOf<INodeType>(partnerPackage, file))();
		return { fullName: `${partnerPackage.name}.${node.description.name}`, node };
	}),
);

/** The Afosto action nodes, one per Afosto service. */
export const AFOSTO_NODE_CLASSES: Array<new () => INodeType> = PARTNER_NODES
	.filter(({ fullName, node }) => fullName.startsWith('n8n-nodes-afosto.') && !node.description.group.includes('trigger'))
	.map(({ node }) => node.constructor as new () => INodeType);

export const credentialTypes: Map<string, ICredentialType> = new Map(
	PARTNER_PACKAGES.flatMap((partnerPackage) =>
		partnerPackage.credentials.map((file) => {
			const credential = new (classOf<ICredentialType>(partnerPackage, file))();
			return [credential.name, credential] as const;
		}),
	),
);

/** The node type name n8n gives a package's node (`n8n-nodes-bolttech.bolttech`), from its own name. */
export function fullNodeTypeName(name: string): string {
	const found = PARTNER_NODES.find(({ node }) => node.description.name === name);
	if (!found) throw new Error(`No package has a node named ${name}`);
	return found.fullName;
}

/** Whether a workflow node's type is one of the partner packages'. */
export function isPartnerNodeType(type: string): boolean {
	return PARTNER_PACKAGES.some(({ name }) => type.startsWith(`${name}.`));
}

/** The packages' node types, keyed the way n8n keys installed community nodes. */
export class PackageNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType>(PARTNER_NODES.map(({ fullName, node }) => [fullName, node]));

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
