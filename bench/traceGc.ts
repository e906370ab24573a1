import { setFlagsFromString } from 'node:v8';

/**
 * Preloaded into the scale bench's n8n (NODE_OPTIONS=--require …): Node refuses --trace-gc in
 * NODE_OPTIONS, and n8n is started by a script the bench does not change, so V8's flag is set
 * from inside, before n8n's own code runs. Every collection then prints the heap before and after
 * it to n8n's output (bench/n8nHeap.ts reads them).
 */
setFlagsFromString('--trace-gc');
