/**
 * A worker killed with SIGKILL while callbacks flow to a MasStack Trigger answering Immediately.
 * What n8n 2.40.7 does, as observed here:
 * - the webhook processor goes on answering 200 and queueing: no callback is refused;
 * - the other worker runs every job still waiting in the queue;
 * - the jobs the killed worker held lose their lock; the other worker's stalled-job check finds
 *   them and, since n8n allows no stall (maxStalledCount 0), Bull fails them ("job stalled more
 *   than allowable limit") instead of re-queueing them: nothing runs twice;
 * - the webhook processor that queued them hears of the failure and records each such execution
 *   as "error" ("This execution failed to be processed too many times and will no longer
 *   retry…"), and in doing so replaces its data: the callback's body is no longer in the record.
 * So every callback answered 200 has exactly one execution record; those the killed worker held
 * are "error" records without their callback's content, and their partner was told 200; except a
 * run the worker had saved as successful just before it died, whose record n8n leaves as it is.
 *
 * The workflow's runs take half a second (a Wait node), and worker-1 is killed only once its log
 * shows it running executions of this test ("Worker started execution N" without "Worker
 * finished execution N"): the jobs it held are then known from its log, not guessed from timing.
 */

import { until } from '../e2e/n8nApi';
import {
	executionsOfCallbacks,
	failedJobs,
	fireCallbacks,
	KILLED_WORKER_RUN,
	killerOfWorkerOnceBusy,
	lostAndDuplicated,
	redis,
	restartIfKilled,
	unfinishedCount,
} from './callbackDelivery';
import type { CallbackWorkflow } from './callbackDelivery';
import { sql } from './queueApi';

const WORKFLOW: CallbackWorkflow = { id: 'e2eQueueSlowCallbacks', webhookId: 'e2e00000-0000-4000-8000-0000000003af' };
const { callbacks: CALLBACKS, concurrency: CONCURRENCY } = KILLED_WORKER_RUN;
/** Service ids 8xxxxxxxx: this file's callbacks. */
const PREFIX = 8;

/** The workflow's executions after `afterId`: id, status, and whether the record still holds a callback of this file. */
const executionsAfter = (afterId: number) =>
	sql(`SELECT e.id, e.status, d.data ~ '"${PREFIX}[0-9]{8}"' FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${WORKFLOW.id}' AND e.id > ${afterId}`).map(
		([id, status, holdsCallback]) => ({ id, status, holdsCallback: holdsCallback === 't' }),
	);

it('keeps a record of every callback when a worker is killed: the jobs it held fail in Bull and become error executions, the rest succeed on the other worker', async () => {
	await restartIfKilled('worker-1');
	const lastIdBefore = Number(sql('SELECT coalesce(max(id), 0) FROM execution_entity')[0][0]);
	const killer = killerOfWorkerOnceBusy(lastIdBefore);

	const statuses = await fireCallbacks(PREFIX, CALLBACKS, CONCURRENCY, killer.onProgress, WORKFLOW);

	// Its log, complete once it is gone: what it had started and not finished when it died.
	const held = await killer.held();
	expect(held.length).toBeGreaterThan(0);
	expect(statuses.filter((status) => status !== 200)).toEqual([]);
	// The other worker works through the backlog; its stalled-job check (every 30 s, once the
	// held jobs' 60 s lock has run out) fails the held jobs, and the webhook processor records them.
	await until(async () => (redis('LLEN', 'bull:jobs:wait') === '0' && redis('LLEN', 'bull:jobs:active') === '0' && unfinishedCount(WORKFLOW) === 0 ? true : undefined), 300_000);

	const records = executionsAfter(lastIdBefore);
	const failed = records.filter(({ status }) => status !== 'success');
	// Every job worker-1 held fails in Bull (those its log shows running, and any it had finished
	// but not yet reported). n8n records each such execution as error, unless worker-1 had already
	// saved it as successful when it died: then n8n leaves that record as it is.
	const failedInBull = failedJobs(lastIdBefore);
	const failedIds = failedInBull.map(({ executionId }) => executionId);
	const orphans = failedIds.filter((id) => records.some((record) => record.id === id && record.status === 'success'));
	expect(records).toHaveLength(CALLBACKS);
	expect(held.filter((id) => !failedIds.includes(id))).toEqual([]);
	for (const { failedReason } of failedInBull) expect(failedReason).toBe('job stalled more than allowable limit');
	expect(failed.map(({ id }) => id).sort()).toEqual(failedIds.filter((id) => !orphans.includes(id)).sort());
	expect(failed.every(({ status, holdsCallback }) => status === 'error' && !holdsCallback)).toBe(true);
	const errors = sql(`SELECT count(*) FROM execution_data WHERE "executionId" IN (${[...failed.map(({ id }) => id), 0].join(', ')}) AND data LIKE '%failed to be processed too many times%'`);
	expect(errors).toEqual([[String(failed.length)]]);
	// The successful records name their callbacks: none twice, and the ones they miss are exactly
	// as many as the error records.
	const { lost, duplicated } = lostAndDuplicated(PREFIX, CALLBACKS, executionsOfCallbacks(PREFIX, WORKFLOW));
	expect(duplicated).toEqual([]);
	expect(lost).toHaveLength(failed.length);
	process.stdout.write(
		`killed worker-1 after ${killer.killed!.progress} of ${CALLBACKS} callbacks, seen running executions ${killer.killed!.seenHolding.join(', ')}: all answered 200; ` +
			`${CALLBACKS} execution records, ${CALLBACKS - failed.length} success, ${failed.length} error; worker-1's log shows it running ${held.join(', ')}; ` +
			`Bull failed ${failedIds.join(', ')} ("${failedInBull[0]?.failedReason}"), of which worker-1 had saved ${orphans.length} as successful (${orphans.join(', ') || 'none'}); ` +
			`callbacks without their body in a record: ${lost.join(', ')}\n`,
	);
}, 600_000);
