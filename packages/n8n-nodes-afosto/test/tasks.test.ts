import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useAfostoServer();

/** POST /cnt/datasets/{id}/export answers with an `x-task-id` (the Afosto API reference). */
const exportDataset = { resource: 'dataset', operation: 'postCntDatasetsByIdExport', id: 'dataset-7' };

describe('Afosto background tasks (x-task-id, GET /mes/tasks/{id})', () => {
	it('outputs the task id without waiting by default', async () => {
		const result = await runNode({ type: 'afostoContent', parameters: exportDataset, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ taskId: expect.stringMatching(/^task-\d+$/), task: { id: expect.any(String) } });
		expect(server.requestsTo('getMesTasksById')).toHaveLength(0);
	});

	it('waits until the task is completed when asked to, polling GET /mes/tasks/{id}', async () => {
		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...exportDataset, taskOptions: { waitForTask: true, pollIntervalSeconds: 0.1, timeoutSeconds: 10 } },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const polls = server.requestsTo('getMesTasksById');
		expect(polls).toHaveLength(2);
		expect(polls[0].path).toBe(`/mes/tasks/${result.json[0].taskId as string}`);
		expect(result.json[0].task).toMatchObject({ progress: 100, result: 'done', completed_at: expect.any(String) });
	});

	it.each(['..', '.'])('refuses an x-task-id of %j from Afosto instead of polling a path it would change (the bearer token to /mes/)', async (taskId) => {
		server.scriptNext('postCntDatasetsByIdExport', () => ({ status: 200, body: { id: 'dataset-7' }, headers: { 'x-task-id': taskId } }));

		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...exportDataset, taskOptions: { waitForTask: true, pollIntervalSeconds: 0.1, timeoutSeconds: 10 } },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toMatch(/^Item 0: "Afosto's x-task-id" is /);
		expect(result.error?.description).toContain('Wait for Task');
		expect(server.received.map((request) => request.path)).toEqual(['/cnt/datasets/dataset-7/export']);
	});

	it('gives up with a clear error when the task does not finish within the timeout', async () => {
		server.scriptNext('getMesTasksById', ...Array.from({ length: 20 }, () => () => ({ status: 200, body: { id: 't', progress: 10 } })));

		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...exportDataset, taskOptions: { waitForTask: true, pollIntervalSeconds: 0.1, timeoutSeconds: 1 } },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toMatch(/^Afosto's task task-\d+ did not finish within 1 s$/);
		expect(result.error?.description).toContain('It was at 10%');
	});

	it("shows Afosto's own error when polling the task fails", async () => {
		server.scriptNext('getMesTasksById', () => ({
			status: 404,
			body: { code: 'TASK_NOT_FOUND', message: 'The task does not exist', reference: 'req-91c2', errors: {} },
		}));

		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...exportDataset, taskOptions: { waitForTask: true, pollIntervalSeconds: 0.1, timeoutSeconds: 10 } },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('Afosto answered 404: TASK_NOT_FOUND: The task does not exist');
		expect(result.error?.description).toBe('Reference: req-91c2');
	});
});
