/**
 * A worker killed with SIGKILL while callbacks flow. What n8n 2.40.7 does, as observed here:
 * - the webhook processor goes on answering 200 and queueing: no callback is refused;
 * - the other worker runs every job still waiting in the queue;
 * - the jobs the killed worker held lose their lock; the other worker's stalled-job check finds
 *   them and, since n8n allows no stall (maxStalledCount 0), Bull fails them ("job stalled more
 *   than allowable limit") instead of re-queueing them: nothing runs twice;
 * - the webhook processor that queued them hears of the failure and records each such execution
 *   as "error" ("This execution failed to be processed too many times and will no longer
 *   retry…"), and in doing so replaces its data: the callback's body is no longer in the record.
 * So every callback answered 200 has exactly one execution record; those the killed worker held
 * are "error" records without their callback's content.
 */

import { until } from '../e2e/n8nApi';
import { LOAD_WORKFLOW, executionsOfCallbacks, fireCallbacks, lostAndDuplicated, unfinishedCount } from './callbackDelivery';
import { sql, stack } from './queueApi';

const { killRole, stackRedis } = require('../../scripts/queueMode.js') as {
	killRole: (stack: unknown, role: string) => number;
	stackRedis: (stack: unknown, args: string[]) => string;
};

const CALLBACKS = 1_000;
const CONCURRENCY = 50;
const KILL_AFTER = 300;
/** Service ids 8xxxxxxxx: this file's callbacks. */
const PREFIX = 8;

function redis(...args: string[]) {
	return stackRedis(stack(), args);
}

/** The jobs Bull failed, with the execution each carried and the reason Bull gave. */
function failedJobs() {
	const ids = redis('ZRANGE', 'bull:jobs:failed', '0', '-1').split('\n').filter(Boolean);
	return ids.map((jobId) => ({
		jobId,
		executionId: (JSON.parse(redis('HGET', `bull:jobs:${jobId}`, 'data')) as { executionId: string }).executionId,
		failedReason: redis('HGET', `bull:jobs:${jobId}`, 'failedReason'),
	}));
}

/** The load workflow's executions after `afterId`: id, status, and whether the record still holds a callback of this file. */
const executionsAfter = (afterId: number) =>
	sql(`SELECT e.id, e.status, d.data ~ '"${PREFIX}[0-9]{8}"' FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${LOAD_WORKFLOW}' AND e.id > ${afterId}`).map(
		([id, status, holdsCallback]) => ({ id, status, holdsCallback: holdsCallback === 't' }),
	);

it('keeps a record of every callback when a worker is killed: the jobs it held fail in Bull and become error executions, the rest succeed on the other worker', async () => {
	const lastIdBefore = Number(sql('SELECT coalesce(max(id), 0) FROM execution_entity')[0][0]);
	let killed = false;

	const statuses = await fireCallbacks(PREFIX, CALLBACKS, CONCURRENCY, (answered) => {
		if (!killed && answered >= KILL_AFTER) {
			killRole(stack(), 'worker-1');
			killed = true;
		}
	});

	expect(killed).toBe(true);
	expect(statuses.filter((status) => status !== 200)).toEqual([]);
	// The other worker works through the backlog; its stalled-job check (every 30 s, once the
	// held jobs' 60 s lock has run out) fails the held jobs, and the webhook processor records them.
	await until(async () => (redis('LLEN', 'bull:jobs:wait') === '0' && redis('LLEN', 'bull:jobs:active') === '0' && unfinishedCount() === 0 ? true : undefined), 300_000);

	const records = executionsAfter(lastIdBefore);
	const failed = records.filter(({ status }) => status !== 'success');
	const held = failedJobs().filter(({ executionId }) => failed.some(({ id }) => id === executionId));
	expect(records).toHaveLength(CALLBACKS);
	expect(failed.length).toBeGreaterThan(0);
	expect(failed.every(({ status, holdsCallback }) => status === 'error' && !holdsCallback)).toBe(true);
	expect(held.map(({ executionId }) => executionId).sort()).toEqual(failed.map(({ id }) => id).sort());
	for (const { failedReason } of held) expect(failedReason).toBe('job stalled more than allowable limit');
	const errors = sql(`SELECT count(*) FROM execution_data WHERE "executionId" IN (${failed.map(({ id }) => id).join(', ')}) AND data LIKE '%failed to be processed too many times%'`);
	expect(errors).toEqual([[String(failed.length)]]);
	// The successful records name their callbacks: none twice, and the ones they miss are exactly
	// as many as the error records.
	const { lost, duplicated } = lostAndDuplicated(PREFIX, CALLBACKS, executionsOfCallbacks(PREFIX));
	expect(duplicated).toEqual([]);
	expect(lost).toHaveLength(failed.length);
	process.stdout.write(
		`killed worker-1 after ${KILL_AFTER} of ${CALLBACKS} callbacks: all answered 200; ${CALLBACKS} execution records, ` +
			`${CALLBACKS - failed.length} success, ${failed.length} error (Bull: "${held[0]?.failedReason}"), callbacks without their body in a record: ${lost.join(', ')}\n`,
	);
}, 600_000);
