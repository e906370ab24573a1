// The queue-mode end-to-end files in a fixed order: the plain runs first, the 10,000 callbacks
// next, and the killed worker last, since it leaves one worker fewer.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = ['databaseServers', 'nodesOnWorkers', 'binaryData', 'waitForCallback', 'callbackLoad', 'killedWorker'];
const rank = (path) => {
	const index = ORDER.findIndex((name) => path.endsWith(`${name}.e2e.ts`));
	return index === -1 ? ORDER.length : index;
};

module.exports = class QueueModeSequencer extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a.path) - rank(b.path));
	}
};
