import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Preloaded into the scale bench's n8n (NODE_OPTIONS=--require …): Node refuses --trace-gc in
 * NODE_OPTIONS, and n8n is started by a script the bench does not change, so V8's flags are set
 * from inside, before n8n's own code runs. Every collection then prints the heap before and after
 * it to n8n's output (bench/n8nHeap.ts reads them). SIGUSR2 (which n8n does not use) runs a full
 * collection, so that the bench reads n8n's live heap at idle rather than whatever start-up left.
 */
setFlagsFromString('--trace-gc');
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
process.on('SIGUSR2', () => collectGarbage());
