import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PackageCredentialsHelper } from './credentialsHelper';
import { PACKAGE_PREFIX, PackageNodeTypes } from './packageTypes';

export interface NodeRun {
	/** The node's output items, per output. */
	outputs: INodeExecutionData[][];
	/** The items of the first output, as plain JSON. */
	json: IDataObject[];
	/** The error that stopped the run, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	credentialsHelper: PackageCredentialsHelper;
}

export interface NodeRunRequest {
	/** The node's `description.name`, e.g. `bolttech`, or a node type made for the test. */
	type: string | INodeType;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (plain JSON); one empty item when left out. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
}

const nodeTypes = new PackageNodeTypes();
let executionCounter = 0;

/**
 * Runs one node of the package through n8n-core's WorkflowExecute, exactly as n8n runs a node
 * whose input arrives from a previous node: declarative nodes go through n8n's RoutingNode,
 * custom operations through their own code, and credentials through the package's definitions.
 */
export async function runNode(request: NodeRunRequest): Promise<NodeRun> {
	const credentialsHelper = new PackageCredentialsHelper(request.credentials ?? {});
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type:
			typeof request.type === 'string'
				? `${PACKAGE_PREFIX}.${request.type}`
				: nodeTypes.register(request.type.description.name, request.type),
		typeVersion: 1,
		position: [0, 0],
		parameters: request.parameters,
		credentials: Object.fromEntries(
			Object.keys(request.credentials ?? {}).map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
		continueOnFail: request.continueOnFail,
		retryOnFail: request.retryOnFail !== undefined,
		maxTries: request.retryOnFail?.maxTries,
		waitBetweenTries: request.retryOnFail?.waitBetweenTries,
	};
	const workflowData: IWorkflowBase = {
		id: 'workflow-under-test',
		name: 'Workflow Under Test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
	});

	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveRun(fullRunData));

	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not part of these tests');
		},
		startRunnerTask: async () => {
			throw new Error('task runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const items = (request.items ?? [{}]).map((json, index) => ({ json, pairedItem: { item: index } }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output: INodeExecutionData[] | null) => output ?? []);
	return {
		outputs,
		json: (outputs[0] ?? []).map((item: INodeExecutionData) => item.json),
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
		run,
		credentialsHelper,
	};
}
