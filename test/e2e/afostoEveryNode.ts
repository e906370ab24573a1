import { afostoListRecords } from '../../sandbox/contracts/afosto';

/** The list operation of each Afosto node in the e2eAfostoEveryNode workflow (Afosto Orders has its own). */
const OPERATIONS: Record<string, string> = {
	'Afosto Catalog': 'getCatGroups',
	'Afosto Contacts': 'getRelContacts',
	'Afosto Content': 'getCntBatches',
	'Afosto Fulfilment': 'getLcsShipments',
	'Afosto IAM': 'getIamLogs',
	'Afosto Messaging': 'getMesConversations',
	'Afosto Platform': 'getIntAppsStore',
	'Afosto WMS': 'getWmsRoutes',
};

export const EVERY_AFOSTO_NODE = Object.keys(OPERATIONS);

/** What each node of the workflow outputs: the first two records the sandbox lists for its operation. */
export const everyAfostoNodeOutput = () => Object.fromEntries(EVERY_AFOSTO_NODE.map((name) => [name, afostoListRecords(OPERATIONS[name], 0, 2)]));
