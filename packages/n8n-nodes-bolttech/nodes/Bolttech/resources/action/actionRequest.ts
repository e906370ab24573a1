import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * One action operation, described once: its option in the operation list, whose routing holds the
 * request and every hook the operation runs, and its fields.
 */
export interface ActionOperation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/**
 * The bolttech Actions API: every action is a POST to /actions, the action chosen by
 * configuration.action_id (given here, or by the Custom Action's Action ID field).
 */
export const actionRequest = (actionId?: string) => ({
	method: 'POST' as const,
	url: '/actions',
	body: actionId ? { configuration: { action_id: actionId } } : {},
});
