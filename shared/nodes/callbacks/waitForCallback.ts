import { randomBytes } from 'node:crypto';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IRunExecutionData,
	ITaskMetadata,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { acceptCallback, ANSWERED_ON_RECEIPT, refuseCallback } from './callbackAnswers';
import { secretsMatch } from './callbackSecret';
import { asNodeError } from '../transport/partnerError';

/**
 * Waiting for a partner's callback inside the execution that started the operation: the node
 * hands the partner this execution's resume URLs (one per outcome), puts the execution to wait,
 * and continues when the partner posts to one of them, or when the timeout passes.
 *
 * The node's outputs are Success, Error and Timed Out, in this order.
 */
export const WAITING_OUTPUT_NAMES = ['Success', 'Error', 'Timed Out'];

export type CallbackOutcome = 'success' | 'error';

const OUTPUT_OF_OUTCOME: Record<CallbackOutcome | 'timeout', number> = { success: 0, error: 1, timeout: 2 };

/**
 * The resume webhooks: `…/webhook-waiting/<execution>/success` and `…/error`. n8n 2.x puts the
 * execution's resume token into the URL and refuses a request without it (401), so only whoever
 * got the URL from this execution can resume it.
 */
export const CALLBACK_RESUME_WEBHOOKS: IWebhookDescription[] = (['success', 'error'] as const).map((outcome) => ({
	name: 'default',
	httpMethod: 'POST',
	...ANSWERED_ON_RECEIPT,
	path: outcome,
	restartWebhook: true,
}));

/**
 * The outputs of an action node with the Wait for Callback option: Success, Error and Timed Out
 * while it waits, one main output otherwise. n8n computes outputs from parameters when `outputs`
 * is an expression (as its Switch node does), in the editor and when running.
 */
export const OUTPUTS_OF_WAITING_OPTION: `={{${string}}}` = `={{ $parameter.waitForCallback === true ? ${JSON.stringify(
	WAITING_OUTPUT_NAMES.map((displayName) => ({ type: NodeConnectionTypes.Main, displayName })),
)} : ["${NodeConnectionTypes.Main}"] }}`;

export const callbackTimeoutField: INodeProperties = {
	displayName: 'Timeout (Minutes)',
	name: 'timeoutMinutes',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description: 'How long to wait for the callback; then the item leaves through the Timed Out output',
};

/** One resource's operations that call back, as the partner's operation list gives them. */
export interface CallbackOperationsOfResource {
	resource: string;
	operations: string[];
}

/**
 * The Wait for Callback option and its timeout, shown only for the operations that call back
 * (one pair of fields per resource, since n8n shows a field for resources and operations
 * separately), like the "Send and Wait for Response" operations of n8n's Slack and Gmail nodes.
 */
export function waitForCallbackFields(partner: string, callbackOperations: CallbackOperationsOfResource[]): INodeProperties[] {
	return callbackOperations.flatMap(({ resource, operations }) => {
		const show = { resource: [resource], operation: operations };
		return [
			{
				displayName: 'Wait for Callback',
				name: 'waitForCallback',
				type: 'boolean',
				// It decides the node's outputs and which fields show, so it is the same for every item.
				noDataExpression: true,
				default: false,
				description: `Whether to send the operation with this execution's own callback URL and wait here for ${partner}'s result, which leaves through the Success, Error or Timed Out output. One item per run; for many, loop over them.`,
				displayOptions: { show },
			},
			{ ...callbackTimeoutField, displayOptions: { show: { ...show, waitForCallback: [true] } } },
		] satisfies INodeProperties[];
	});
}

/** Whether this run waits for the callback (the option is on, for an operation that offers it). */
export function waitsForCallback(context: IExecuteFunctions | IWebhookFunctions): boolean {
	return (context.getNodeParameter as (name: string, itemIndex: number, fallback: unknown) => unknown)('waitForCallback', 0, false) === true;
}

/**
 * The URL the partner should post an outcome to, to resume this wait: the execution's resume URL,
 * the outcome as its last segment, and the wait's own token (`wait`). Refused without n8n's resume
 * token in it (n8n 1.x has none): anyone who learnt such a URL could resume the execution.
 */
function resumeUrlFor(context: IExecuteFunctions, outcome: CallbackOutcome, waitToken: string): string {
	const url = new URL(context.getWorkflowDataProxy(0).$execution.resumeUrl);
	if (!url.searchParams.get('signature')) {
		throw new NodeOperationError(context.getNode(), 'This n8n gives resume URLs no token, so the callback URL would be open to anyone', {
			description:
				'Waiting for a callback needs n8n 2.x, which signs resume URLs. On this n8n, send the request with the action node and receive the result in a workflow with the partner\'s Trigger node.',
		});
	}
	url.pathname = `${url.pathname.replace(/(?<!\/)\/+$/, '')}/${outcome}`;
	url.searchParams.set(WAIT_TOKEN_PARAMETER, waitToken);
	return url.toString();
}

/**
 * n8n's resume token is the execution's, the same for every wait of it: a callback of an earlier
 * wait (a partner's retry, a late duplicate) would resume a later one. So each wait draws a token
 * of its own, carried in its URLs' query as `wait` and kept in the execution's custom data, where
 * n8n saves it with the waiting execution (in queue mode, for the webhook processor to read).
 */
const WAIT_TOKEN_PARAMETER = 'wait';
const WAIT_TOKEN_KEY = 'callbackWait';

/** Starts a wait: draws its token, keeps it, and returns the two URLs that resume this wait only. */
export function callbackUrlsOfNewWait(context: IExecuteFunctions): Record<CallbackOutcome, string> {
	const token = randomBytes(18).toString('base64url');
	context.customData.set(WAIT_TOKEN_KEY, token);
	return { success: resumeUrlFor(context, 'success', token), error: resumeUrlFor(context, 'error', token) };
}

/**
 * The waiting execution as n8n-core hands it to the webhook, on the context, though
 * IWebhookFunctions does not declare it.
 */
function waitingExecutionOf(context: IWebhookFunctions): IRunExecutionData | undefined {
	return (context as unknown as { runExecutionData?: IRunExecutionData | null }).runExecutionData ?? undefined;
}

/**
 * What identifies the request this wait is for (ids, correlation id): the waiting node's Timed Out
 * item, which the node wrote when it put the execution to wait (waitForCallback), as it sent them.
 */
export function waitingIdentityOf(context: IWebhookFunctions): IDataObject {
	const [waiting] = waitingExecutionOf(context)?.executionData?.nodeExecutionStack ?? [];
	if (waiting?.node.name !== context.getNode().name) return {};
	const timedOut = waiting.data.main?.[OUTPUT_OF_OUTCOME.timeout]?.[0]?.json ?? {};
	return Object.fromEntries(Object.entries(timedOut).filter(([key]) => key !== 'outcome' && key !== 'title'));
}

/** An identifier the callback may carry: the name the partner gives it, the node's value, the callback's. */
export interface EchoedIdentifier {
	name: string;
	sent: unknown;
	received: unknown;
}

/**
 * Why a callback is not for the request this wait sent, if it is not: its URL carries another
 * wait's token (or none), or it names another request in an identifier the partner echoes. An
 * identifier the callback leaves out, or that the node did not know when sending (a new service's
 * id), is not compared.
 */
export function otherRequestReason(context: IWebhookFunctions, identifiers: EchoedIdentifier[]): string | undefined {
	const expectedToken = waitingExecutionOf(context)?.resultData?.metadata?.[WAIT_TOKEN_KEY];
	const token = (context.getQueryData() as IDataObject)[WAIT_TOKEN_PARAMETER];
	if (typeof expectedToken !== 'string' || typeof token !== 'string' || !secretsMatch(token, expectedToken)) {
		return 'This callback URL is not the one of the request this execution is waiting for; the wait goes on';
	}
	for (const { name, sent, received } of identifiers) {
		if (sent === undefined || sent === null || received === undefined || received === null) continue;
		if (String(received) !== String(sent)) {
			return `The callback's ${name} "${String(received)}" is not the ${name} "${String(sent)}" of the request this execution is waiting for; the wait goes on`;
		}
	}
	return undefined;
}

/**
 * The item a callback resumes the wait with: what the callback says, then the node's own outcome
 * and identifiers over it, so a callback's `outcome`, `service_id` or `action_id` never replaces them.
 */
export function callbackItem(fromCallback: IDataObject, identity: IDataObject, outcome: CallbackOutcome): IDataObject {
	const known = Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined && value !== null));
	return { ...fromCallback, ...known, outcome };
}

/** The path a webhook request came to, without its query. */
function requestPathOf(context: IWebhookFunctions): string {
	const request = context.getRequestObject();
	return String(request.path ?? request.url ?? '').split('?')[0].replace(/(?<!\/)\/+$/, '');
}

/** The outcome a resume request is for, from the last segment of its path. */
export function callbackOutcomeOf(context: IWebhookFunctions): CallbackOutcome | undefined {
	const last = requestPathOf(context).split('/').pop();
	return last === 'success' || last === 'error' ? last : undefined;
}

/**
 * How long a wait stays claimed by the callback that resumed it. It only has to outlast the moment
 * between n8n reading the execution as waiting and marking it running; from then on n8n answers
 * 409 itself, before any node is asked, and a later wait of the execution has a claim of its own.
 */
const RESUME_CLAIM_MS = 30_000;

/** The waits a callback has resumed in this n8n process, with when each claim ends. */
const resumedWaits = new Map<string, number>();

/**
 * One wait: the execution (from the resume URL `…/webhook-waiting/<execution>/<outcome>`), the
 * waiting node, and how many runs that node has, so that the next wait of the same execution (a
 * loop, or another waiting node) is a wait of its own.
 */
function waitOf(context: IWebhookFunctions): string {
	const segments = requestPathOf(context).split('/');
	const executionId = segments.at(-2) ?? '';
	const node = context.getNode().name;
	const runs = waitingExecutionOf(context)?.resultData?.runData?.[node]?.length ?? 0;
	return JSON.stringify([executionId, node, runs]);
}

/**
 * Resumes the waiting execution with `outputs`, once. n8n 2.x reads the execution of each of
 * several simultaneous callbacks as still waiting, runs this node's webhook for each, and only
 * when starting the run lets one of them through (an atomic waiting-to-running update); the
 * others fail there with ExecutionAlreadyResumingError, which n8n answers with 500 "There was a
 * problem executing the workflow". So the first callback of a wait claims it here and the others
 * get 409 with a reason before n8n gets that far. The claim holds within one n8n process; with
 * several webhook processes (queue mode), n8n's own update still lets only one through.
 */
export function resumeOnce(context: IWebhookFunctions, outputs: INodeExecutionData[][]): IWebhookResponseData {
	const now = Date.now();
	for (const [wait, claimEnds] of resumedWaits) if (claimEnds <= now) resumedWaits.delete(wait);
	const wait = waitOf(context);
	if (resumedWaits.has(wait)) {
		return refuseCallback(context, 409, 'Another callback has already resumed this execution; this one started nothing');
	}
	resumedWaits.set(wait, now + RESUME_CLAIM_MS);
	return acceptCallback(outputs);
}

/** The node's outputs with `items` on the output of `outcome` and nothing on the others. */
export function onOutputOf(outcome: CallbackOutcome | 'timeout', items: INodeExecutionData[]): INodeExecutionData[][] {
	return WAITING_OUTPUT_NAMES.map((_name, index) => (index === OUTPUT_OF_OUTCOME[outcome] ? items : []));
}

/**
 * One wait resumes once, so one node run can wait for one operation. Refuses more items before
 * anything is sent, rather than send them all and lose all callbacks but the first.
 */
export function refuseSeveralItems(context: IExecuteFunctions, items: INodeExecutionData[]): void {
	if (items.length <= 1) return;
	throw new NodeOperationError(
		context.getNode(),
		`Wait for Callback waits for one operation at a time, but ${items.length} items arrived`,
		{
			description:
				'Put a "Loop Over Items" node with batch size 1 in front of this node, or turn Wait for Callback off and receive the results with the trigger node.',
		},
	);
}

/**
 * Puts the execution to wait for the callback. When the timeout passes n8n does not run the node
 * again: it passes on the data of the node's execution stack entry. So that entry gets the
 * `timedOut` item on the Timed Out output, and n8n is told to forward every output, as it does
 * for a resume by webhook.
 */
export async function waitForCallback(
	context: IExecuteFunctions,
	timeoutMinutes: number,
	timedOut: IDataObject,
): Promise<INodeExecutionData[][]> {
	const outputs = onOutputOf('timeout', [{ json: timedOut, pairedItem: { item: 0 } }]);
	context.getExecuteData().data = { main: outputs };
	context.setMetadata({ forwardAllOutputs: true } as ITaskMetadata);
	await context.putExecutionToWait(new Date(Date.now() + Math.max(1, timeoutMinutes) * 60_000));
	return outputs;
}

export interface SendThenWait {
	/** The partner's name, for the Timed Out item. */
	partner: string;
	/** Sends the operation; throws the partner's refusal. */
	send: () => Promise<unknown>;
	/** What identifies the operation on every item this node outputs (ids, correlation id). */
	identity: IDataObject;
}

/**
 * Sends the operation, then waits for its callback. A refusal is the node's error, or with
 * Continue On Fail an item on the Error output with `outcome: "refused"`.
 */
export async function sendThenWaitForCallback(
	context: IExecuteFunctions,
	{ partner, send, identity }: SendThenWait,
): Promise<INodeExecutionData[][]> {
	try {
		await send();
	} catch (error) {
		const failure = asNodeError(context.getNode(), error, 0);
		if (!context.continueOnFail()) throw failure;
		return onOutputOf('error', [
			{
				json: { ...identity, outcome: 'refused', error: failure.message, description: failure.description ?? null },
				pairedItem: { item: 0 },
			},
		]);
	}
	const timeoutMinutes = context.getNodeParameter('timeoutMinutes', 0, 60) as number;
	return await waitForCallback(context, timeoutMinutes, {
		...identity,
		outcome: 'timeout',
		title: `No callback from ${partner} within ${timeoutMinutes} minute${timeoutMinutes === 1 ? '' : 's'}`,
	});
}
