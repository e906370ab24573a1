/**
 * MasStack callbacks, 100 at a time, to the webhook processor with two workers behind it: every
 * one is answered 200 and becomes exactly one successful execution, found in the database by the
 * callback's own service id. 3,000 by default: on this 2-core machine, shared, n8n took 12 to 17
 * callbacks a second end to end, and 10,000 (QUEUE_E2E_CALLBACKS=10000, the figure; it
 * passes, in 14 minutes) would take the suite far past its 12 minutes.
 */
import { executionsOfCallbacks, fireCallbacks, lostAndDuplicated, unfinishedCount } from './callbackDelivery';
import { until } from '../e2e/n8nApi';

const CALLBACKS = Number(process.env.QUEUE_E2E_CALLBACKS ?? 3_000);
const CONCURRENCY = 100;
/** Service ids 7xxxxxxxx: this file's callbacks. */
const PREFIX = 7;
/** Room for a slow machine: 857 s for 10,000 were seen on a busy 2-core one. */
const TIMEOUT_MS = 300_000 + CALLBACKS * 150;

it(`turns ${CALLBACKS.toLocaleString('en')} callbacks sent ${CONCURRENCY} at a time into exactly ${CALLBACKS.toLocaleString('en')} executions, none lost, none twice`, async () => {
	const started = Date.now();
	const statuses = await fireCallbacks(PREFIX, CALLBACKS, CONCURRENCY);
	const answeredMs = Date.now() - started;

	expect(statuses.flatMap((status, index) => (status === 200 ? [] : [`callback ${index}: ${status}`]))).toEqual([]);
	await until(async () => (executionsOfCallbacks(PREFIX).length >= CALLBACKS && unfinishedCount() === 0 ? true : undefined), TIMEOUT_MS);
	const finishedMs = Date.now() - started;
	const executions = executionsOfCallbacks(PREFIX);

	expect(lostAndDuplicated(PREFIX, CALLBACKS, executions)).toEqual({ lost: [], duplicated: [] });
	expect(executions).toHaveLength(CALLBACKS);
	expect(executions.filter(({ status }) => status !== 'success')).toEqual([]);
	process.stdout.write(
		`queue mode, ${CALLBACKS} callbacks ${CONCURRENCY} at a time: all answered in ${(answeredMs / 1000).toFixed(1)} s ` +
			`(${((CALLBACKS / answeredMs) * 1000).toFixed(0)}/s), all executed in ${(finishedMs / 1000).toFixed(1)} s (${((CALLBACKS / finishedMs) * 1000).toFixed(0)}/s)\n`,
	);
}, TIMEOUT_MS + 60_000);
