import { ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { PackageCredentialsHelper } from './credentialsHelper';
import { PackageNodeTypes, fullNodeTypeName } from './packageTypes';

export const TEST_N8N_URL = 'http://127.0.0.1:5678';

export interface TestNodeSpec {
	/** The node's `description.name`, e.g. `bolttech`, or a node type made for the test. */
	type: string | INodeType;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	/** Base of the webhook URLs n8n hands out (a trigger test's own server). */
	webhookBaseUrl?: string;
	/** The workflow's time zone setting (n8n's default applies when left out). */
	timezone?: string;
	/** The node's version, as a workflow saved with an older one has it; the newest when left out. */
	typeVersion?: number;
	/** How the execution started: 'manual' (the editor's Execute) when left out, or e.g. 'webhook', 'trigger'. */
	mode?: WorkflowExecuteMode;
	/** The workflow's saved static data, as n8n loads it before a run (a copy: the run changes its own). */
	staticData?: IDataObject;
}

export interface TestWorkflow {
	node: INode;
	workflow: Workflow;
	workflowData: IWorkflowBase;
	executionId: string;
	mode: WorkflowExecuteMode;
	hooks: ExecutionLifecycleHooks;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: PackageCredentialsHelper;
}

const nodeTypes = new PackageNodeTypes();
let executionCounter = 0;

/** A one-node workflow around the node under test, with what n8n-core needs to run it. */
export function testWorkflow(spec: TestNodeSpec): TestWorkflow {
	const credentialsHelper = new PackageCredentialsHelper(spec.credentials ?? {});
	const type = typeof spec.type === 'string' ? fullNodeTypeName(spec.type) : nodeTypes.register(spec.type.description.name, spec.type);
	const { version } = nodeTypes.getByNameAndVersion(type).description;
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type,
		// The version a node dragged onto the canvas gets: the newest.
		typeVersion: spec.typeVersion ?? (Array.isArray(version) ? Math.max(...version) : version),
		position: [0, 0],
		parameters: spec.parameters,
		credentials: Object.fromEntries(
			Object.keys(spec.credentials ?? {}).map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
		continueOnFail: spec.continueOnFail,
		retryOnFail: spec.retryOnFail !== undefined,
		maxTries: spec.retryOnFail?.maxTries,
		waitBetweenTries: spec.retryOnFail?.waitBetweenTries,
		webhookId: 'webhook-under-test',
	};
	const workflowData = {
		id: 'workflow-under-test',
		name: 'Workflow Under Test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1', ...(spec.timezone ? { timezone: spec.timezone } : {}) },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
		staticData: structuredClone(spec.staticData ?? {}),
	});

	const executionId = String(++executionCounter);
	const mode = spec.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const n8nUrl = spec.webhookBaseUrl ?? TEST_N8N_URL;
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${n8nUrl}/rest`,
		instanceBaseUrl: `${n8nUrl}/`,
		formBaseUrl: `${n8nUrl}/form`,
		formWaitingBaseUrl: `${n8nUrl}/form-waiting`,
		formTestBaseUrl: `${n8nUrl}/form-test`,
		webhookBaseUrl: `${n8nUrl}/webhook`,
		webhookWaitingBaseUrl: `${n8nUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${n8nUrl}/webhook-test`,
		mcpBaseUrl: `${n8nUrl}/mcp`,
		mcpTestBaseUrl: `${n8nUrl}/mcp-test`,
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

	return { node, workflow, workflowData, executionId, mode, hooks, additionalData, credentialsHelper };
}
