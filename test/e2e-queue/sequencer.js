// The queue-mode end-to-end files in a fixed order: the plain runs first, the 10,000 callbacks
// next, and the two that kill a worker last (each starts a killed worker again first).
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = ['databaseServers', 'nodesOnWorkers', 'binaryData', 'waitForCallback', 'callbackLoad', 'killedWorkerRedelivered', 'killedWorker'];
const rank = (path) => {
	const index = ORDER.findIndex((name) => path.endsWith(`${name}.e2e.ts`));
	return index === -1 ? ORDER.length : index;
};

module.exports = class QueueModeSequencer extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a.path) - rank(b.path));
	}
};
