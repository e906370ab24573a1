/**
 * A worker killed with SIGKILL while a partner delivers callbacks to a MasStack Trigger set to
 * Respond: When the Workflow Finishes, the partner retrying on a 5xx and on no answer (as partners
 * that redeliver do). What n8n 2.40.7 does, as observed here:
 * - a callback's answer waits for its run: an empty 200 once the run succeeded;
 * - the runs the killed worker held fail in Bull once their lock runs out ("job stalled more than
 *   allowable limit"), the webhook processor records them as error and only then answers their
 *   still-open requests 500, so the partner sends those callbacks again and they run on the other
 *   worker: one error record (without the callback's body) and one successful execution each;
 * - but a run the killed worker had already saved as successful, and not yet reported to the
 *   queue, fails in Bull too, and n8n then keeps the success record and never answers its request
 *   (processError returns early for a finished execution): the partner's patience runs out, it
 *   sends the callback again, and it runs a second time. Seen in the first run of this test: one of
 *   the five runs worker-1 held.
 * So every callback ends in a successful execution that holds it, and in exactly one unless its
 * first run was finished when the worker died.
 */

import { until } from '../e2e/n8nApi';
import {
	deliverWithRetries,
	executionsOfCallbacks,
	failedJobs,
	KILLED_WORKER_RUN,
	killerOfWorkerOnceBusy,
	lostAndDuplicated,
	restartIfKilled,
	serviceIdOf,
	unfinishedCount,
} from './callbackDelivery';
import type { Attempt, CallbackWorkflow } from './callbackDelivery';
import { sql } from './queueApi';

const WORKFLOW: CallbackWorkflow = { id: 'e2eQueueRespondWhenFinished', webhookId: 'e2e00000-0000-4000-8000-0000000003bf' };
const { callbacks: CALLBACKS, concurrency: CONCURRENCY } = KILLED_WORKER_RUN;
/**
 * The partner's patience: longer than n8n takes to notice a dead worker's jobs (their 60 s lock,
 * then the next stalled-job check, every 30 s, plus the time a job waited in the queue), so a
 * callback is sent again while its first run may still be going on only when n8n never answers.
 */
const PARTNER_TIMEOUT_MS = 150_000;
/** Service ids 6xxxxxxxx: this file's callbacks. */
const PREFIX = 6;

it('runs every callback successfully when a worker dies, the partner redelivering what n8n answered 5xx or left unanswered; once, except a run the worker had finished as it died', async () => {
	await restartIfKilled('worker-1');
	const lastIdBefore = Number(sql('SELECT coalesce(max(id), 0) FROM execution_entity')[0][0]);
	const started = Date.now();
	const killer = killerOfWorkerOnceBusy(lastIdBefore);

	const attempts = await deliverWithRetries(WORKFLOW, PREFIX, CALLBACKS, { concurrency: CONCURRENCY, timeoutMs: PARTNER_TIMEOUT_MS, onProgress: killer.onProgress });
	const deliveredIn = (Date.now() - started) / 1000;

	const held = await killer.held();
	expect(held.length).toBeGreaterThan(0);
	await until(async () => (unfinishedCount(WORKFLOW) === 0 ? true : undefined), 120_000);

	// What became of the runs worker-1 held: most are error records (their lock ran out, Bull failed
	// the job, the webhook processor recorded the failure and answered 500); a run whose success
	// worker-1 had saved just before it died stays a success record, its job fails in Bull all the
	// same, and n8n (processError) then leaves the partner's request unanswered.
	const statusOf = new Map(sql(`SELECT id, status FROM execution_entity WHERE "workflowId" = '${WORKFLOW.id}' AND id > ${lastIdBefore}`).map(([id, status]) => [id, status]));
	const failedInBull = failedJobs(lastIdBefore).map(({ executionId }) => executionId);
	const errors = [...statusOf].filter(([, status]) => status !== 'success').map(([id]) => id);
	const orphans = failedInBull.filter((id) => statusOf.get(id) === 'success');
	expect(held.filter((id) => !failedInBull.includes(id))).toEqual([]);
	expect(errors.sort()).toEqual(failedInBull.filter((id) => !orphans.includes(id)).sort());

	// The partner's view: every callback's last attempt got the empty 200; before it, a 500 for each
	// error record, and no answer within its patience for each orphaned success.
	const last = new Map(attempts.map((attempt) => [attempt.index, attempt]));
	expect(last.size).toBe(CALLBACKS);
	expect([...last.values()].filter(({ status, body }) => status !== 200 || body !== '')).toEqual([]);
	const refused = attempts.filter(({ status }) => status === 500);
	const unanswered = attempts.filter(({ status }) => typeof status === 'string');
	expect(refused.every(({ body }) => body === '{"message":"Error in workflow"}')).toBe(true);
	expect(attempts.filter(({ status }) => status !== 200 && status !== 500 && typeof status !== 'string')).toEqual([]);
	expect(refused).toHaveLength(errors.length);
	expect(unanswered).toHaveLength(orphans.length);

	// n8n's view: a successful execution holding each callback; exactly one, except for the
	// callbacks of orphaned successes, which the partner sent again and which ran twice.
	const successes = executionsOfCallbacks(PREFIX, WORKFLOW).filter(({ status }) => status === 'success');
	const { lost, duplicated } = lostAndDuplicated(PREFIX, CALLBACKS, successes);
	expect(lost).toEqual([]);
	const twice = [...new Set(unanswered.map(({ index }) => serviceIdOf(PREFIX, index)))];
	expect(duplicated.sort()).toEqual(twice.sort());
	expect(successes).toHaveLength(CALLBACKS + orphans.length);
	expect(executionsOfCallbacks(PREFIX, WORKFLOW).filter(({ status }) => status !== 'success')).toEqual([]);

	const seconds = (list: Attempt[]) => list.map((attempt) => attempt.seconds).sort((a, b) => a - b);
	const range = (list: Attempt[]) => (list.length ? `${seconds(list)[0].toFixed(1)}–${seconds(list).at(-1)!.toFixed(1)} s` : 'none');
	process.stdout.write(
		`killed worker-1 after ${killer.killed!.progress} of ${CALLBACKS} callbacks were delivered (it was running executions ${killer.killed!.seenHolding.join(', ')}); ` +
			`${attempts.length} attempts in ${deliveredIn.toFixed(0)} s. worker-1's log shows it running ${held.join(', ')}, Bull failed ${failedInBull.join(', ')}: ${errors.length} became error records ` +
			`(${errors.join(', ') || 'none'}), answered 500 after ${range(refused)}, redelivered and then run once; ${orphans.length} had succeeded ` +
			`(${orphans.join(', ') || 'none'}), left unanswered until the partner's ${PARTNER_TIMEOUT_MS / 1000} s ran out, redelivered and run again ` +
			`(${twice.join(', ') || 'none'}). ${successes.length} successful executions for ${CALLBACKS} callbacks\n`,
	);
}, 900_000);
