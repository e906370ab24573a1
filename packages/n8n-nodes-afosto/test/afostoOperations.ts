import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AFOSTO_NODE_CLASSES } from '../../../scripts/n8nCore/packageTypes';

/** One operation of a generated Afosto node, as its description shows it. */
export interface AfostoOperation {
	/** "METHOD /path" of its request (the routing's method and URL); undefined for a custom operation. */
	endpoint?: string;
	nodeName: string;
	resource: string;
	/** The operation's value. */
	operation: string;
	option: INodePropertyOptions;
	/** The properties n8n shows for this resource and operation. */
	shown: INodeProperties[];
}

/** Every operation of every Afosto node, read from the node descriptions (not from the generator or its spec). */
export function afostoOperations(): AfostoOperation[] {
	const found: AfostoOperation[] = [];
	for (const NodeClass of AFOSTO_NODE_CLASSES) {
		const { description } = new NodeClass();
		for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			for (const option of property.options as INodePropertyOptions[]) {
				const request = option.routing?.request;
				const shown = description.properties.filter(
					(candidate) =>
						(candidate.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
						(candidate.displayOptions?.show?.operation as string[] | undefined)?.includes(String(option.value)),
				);
				found.push({
					endpoint: request ? `${request.method} ${request.url}` : undefined,
					nodeName: description.name,
					resource,
					operation: String(option.value),
					option,
					shown,
				});
			}
		}
	}
	return found;
}
