import type { IDataObject, IHttpRequestMethods, INode, INodeProperties } from 'n8n-workflow';

/** The item a request is built for: its node, its index, and its parameters (null when hidden). */
export interface RequestItem {
	node: INode;
	itemIndex: number;
	parameter: (name: string) => unknown;
}

/**
 * One Bolttech operation, described once: the option its Operation list shows, its request (the
 * body it starts from), its fields, whose routing puts each value at its wire name and checks it
 * there (sendChecked), and where no field can say it, the body built from several fields
 * (buildBody, before the fields' own checks) and the items an answer becomes (itemsOf). The
 * Bolttech node's execute() sends it (resources/index.ts).
 */
export interface BolttechOperation {
	option: { name: string; value: string; action: string; description: string };
	request: { method: IHttpRequestMethods; path: string; body: IDataObject };
	fields: INodeProperties[];
	buildBody?: (body: IDataObject, item: RequestItem) => void;
	/** The items of an answer, when not the answer itself; undefined keeps the answer. */
	itemsOf?: (answer: IDataObject, item: RequestItem) => IDataObject[] | undefined;
}

/**
 * The bolttech Actions API: every action is a POST to /actions, the action chosen by
 * configuration.action_id (given here, or by the Custom Action's Action ID field).
 */
export const actionRequest = (actionId?: string): BolttechOperation['request'] => ({
	method: 'POST',
	path: '/actions',
	body: actionId ? { configuration: { action_id: actionId } } : {},
});
