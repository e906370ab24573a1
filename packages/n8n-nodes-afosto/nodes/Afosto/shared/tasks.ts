import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chosenCredentialType } from '../../shared/transport/authentication';
import { sendPartnerRequest } from '../../shared/transport/partnerRequest';
import { fillPath } from '../../shared/transport/requestPath';

/** Afosto's task id is put into the poll's path through the one path builder, which refuses `.`, `..` and empty. */
const TASK_PATH = { id: { parameter: 'taskId', displayName: "Afosto's x-task-id", fix: "Afosto's answer named no usable task; check the task in Afosto, or turn \"Wait for Task\" off." } };

interface AfostoTask extends IDataObject {
	id?: string;
	progress?: number;
	completed_at?: string;
}

const isFinished = (task: AfostoTask) => Boolean(task.completed_at) || Number(task.progress ?? 0) >= 100;

/**
 * postReceive of the operations that start a background task (`x-task-id`, the Afosto API reference): with
 * "Wait for Task" on, polls `GET /mes/tasks/{id}` until the task is completed, within the
 * timeout, and adds the task to the output. Without it the output carries the task id.
 */
export async function waitForAfostoTask(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const taskId = response.headers['x-task-id'];
	if (typeof taskId !== 'string' || !taskId) return items;
	const options = this.getNodeParameter('taskOptions', {}) as IDataObject;
	let task: AfostoTask = { id: taskId };
	if (options.waitForTask) {
		const credentialType = chosenCredentialType(this, 'afosto');
		const timeoutMs = Math.max(1, Number(options.timeoutSeconds ?? 120)) * 1000;
		const intervalMs = Math.max(100, Number(options.pollIntervalSeconds ?? 2) * 1000);
		const deadline = Date.now() + timeoutMs;
		const path = fillPath('/mes/tasks/{id}', TASK_PATH, () => taskId, this.getNode(), this.getItemIndex());
		for (;;) {
			const poll = await sendPartnerRequest(this, {
				partner: 'Afosto',
				credentialType,
				method: 'GET',
				path,
				itemIndex: this.getItemIndex(),
			});
			task = poll.body as AfostoTask;
			if (isFinished(task)) break;
			if (Date.now() + intervalMs > deadline) {
				throw new NodeOperationError(this.getNode(), `Afosto's task ${taskId} did not finish within ${timeoutMs / 1000} s`, {
					itemIndex: this.getItemIndex(),
					description: `It was at ${Number(task.progress ?? 0)}%. Raise "Timeout (Seconds)", or turn "Wait for Task" off and check GET /mes/tasks/${taskId} later.`,
				});
			}
			await sleep(intervalMs);
		}
	}
	const withTask = items.length ? items : [{ json: {} }];
	return withTask.map((item) => ({ ...item, json: { ...item.json, taskId, task } }));
}

/** "Background Task" of the operations that start one: whether to wait for it, how often to ask, how long. */
export const backgroundTaskField: INodeProperties = {
	displayName: 'Background Task',
	name: 'taskOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description: 'Afosto runs this in the background and answers with the task ID',
	options: [
		{ displayName: 'Poll Interval (Seconds)', name: 'pollIntervalSeconds', type: 'number', typeOptions: { minValue: 0.1 }, default: 2, description: 'How often to ask Afosto about the task' },
		{ displayName: 'Timeout (Seconds)', name: 'timeoutSeconds', type: 'number', typeOptions: { minValue: 1 }, default: 120, description: 'How long to wait for the task before failing' },
		{ displayName: 'Wait for Task', name: 'waitForTask', type: 'boolean', default: false, description: 'Whether to wait until the task is completed and output it' },
	],
};
