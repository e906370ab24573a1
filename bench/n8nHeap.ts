import { closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * The V8 heap of n8n's main process (where the nodes run), two ways that need no inspector:
 *
 * - n8n's own /metrics (N8N_METRICS=true), prom-client's `nodejs_heap_size_used_bytes`: exact at
 *   the moment it answers, but it answers only when n8n's event loop is free, so it cannot see a
 *   node's synchronous work. The bench reads it at idle, before the run.
 * - V8's `--trace-gc` lines in n8n's log (set by bench/traceGc.ts, preloaded): every collection prints the heap in use
 *   before and after it, from inside V8, whatever the event loop is doing. The heap only grows
 *   between collections, so the largest "before" of a run is its peak, missing at most what was
 *   allocated after the run's last collection (read at the end from /metrics) and rounded to 0.1 MB.
 *
 * n8n's task runner (the Code node's process) gets no NODE_OPTIONS from n8n, so its heap is not
 * here; its memory shows in the process group's resident memory (bench/n8nProcess.ts).
 */

const MB = 1024 * 1024;

/** n8n's heap in use now, in MB, from its /metrics; undefined if n8n does not answer. */
export async function heapFromMetrics(port: number): Promise<number | undefined> {
	const response = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
	if (!response?.ok) return undefined;
	const match = /^(?:n8n_)?nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)$/m.exec(await response.text());
	return match ? Number(match[1]) / MB : undefined;
}

/** Where the log ends now: the run's collections are those written after it. */
export function logOffset(logFile: string): number {
	return statSync(logFile).size;
}

export interface HeapOfRun {
	/** The largest heap in use before any collection in the window, MB. */
	peakMb: number;
	/**
	 * The largest heap left after a full (mark-compact) collection in the window, MB: what the run
	 * held alive, without the garbage V8 had not collected yet. Undefined when none ran.
	 */
	peakLiveMb: number | undefined;
	/** The heap left after the last full collection before the window: n8n's live heap at idle. */
	idleLiveMb: number | undefined;
	collections: number;
}

/** `[pid:isolate]  ms: Kind before (committed) -> after (committed) MB, …` */
const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: ([A-Za-z -]+?) ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;

/**
 * The main isolate's collections among `text`'s lines: kind, heap before and after, MB. n8n's
 * expression isolates (isolated-vm) print theirs too, under their own isolate address; the main
 * isolate is the one that collects first, as n8n starts.
 */
function collectionsIn(text: string, isolate: string | undefined): Array<{ full: boolean; beforeMb: number; afterMb: number }> {
	return text.split('\n').flatMap((line) => {
		const match = GC_LINE.exec(line);
		if (!match || match[1] !== isolate) return [];
		return [{ full: match[2].startsWith('Mark-Compact'), beforeMb: Number(match[3]), afterMb: Number(match[4]) }];
	});
}

/** The `--trace-gc` lines n8n wrote to `logFile` from `offset` on, and the last full one before. */
export function heapOfRun(logFile: string, offset: number): HeapOfRun {
	const size = statSync(logFile).size;
	const buffer = Buffer.alloc(size);
	const file = openSync(logFile, 'r');
	try {
		readSync(file, buffer, 0, size, 0);
	} finally {
		closeSync(file);
	}
	const text = buffer.toString('utf8');
	const isolate = text
		.split('\n')
		.map((line) => GC_LINE.exec(line)?.[1])
		.find(Boolean);
	const before = collectionsIn(buffer.subarray(0, offset).toString('utf8'), isolate);
	const during = collectionsIn(buffer.subarray(offset).toString('utf8'), isolate);
	const full = during.filter((collection) => collection.full);
	return {
		peakMb: Math.max(0, ...during.map(({ beforeMb }) => beforeMb)),
		peakLiveMb: full.length ? Math.max(...full.map(({ afterMb }) => afterMb)) : undefined,
		idleLiveMb: before.filter((collection) => collection.full).at(-1)?.afterMb,
		collections: during.length,
	};
}
