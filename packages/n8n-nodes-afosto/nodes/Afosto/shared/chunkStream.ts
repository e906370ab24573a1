type Listener = (...values: unknown[]) => void;

/**
 * A byte stream of the chunks `source` makes, read by n8n's binary data stores in either of the
 * two ways they read a stream: async iteration (the filesystem store, n8n's default outside queue
 * mode, writes each chunk to disk as it comes, so nothing is held), or the 'data', 'end' and
 * 'error' events (the database, S3 and Azure stores, which collect the file into one buffer).
 * Written here rather than taken from Node's stream module, which n8n Cloud does not allow a
 * community node to import. A chunk is asked of `source` only when the reader wants one.
 */
export class ChunkStream {
	private readonly listeners: Array<{ event: string; listener: Listener; once: boolean }> = [];
	private started = false;
	private destroyed = false;

	constructor(private readonly source: AsyncGenerator<Buffer>) {}

	[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
		this.started = true;
		return this.source;
	}

	on(event: string, listener: Listener): this {
		this.listeners.push({ event, listener, once: false });
		if (event === 'data') void this.flow();
		return this;
	}

	once(event: string, listener: Listener): this {
		this.listeners.push({ event, listener, once: true });
		return this;
	}

	off(event: string, listener: Listener): this {
		const index = this.listeners.findIndex((entry) => entry.event === event && entry.listener === listener);
		if (index >= 0) this.listeners.splice(index, 1);
		return this;
	}

	removeListener(event: string, listener: Listener): this {
		return this.off(event, listener);
	}

	/** Stops asking for chunks (a reader gave up); the source's `finally` blocks run. */
	destroy(): this {
		this.destroyed = true;
		void this.source.return(undefined);
		return this;
	}

	/** Events mode: every chunk as 'data', then 'end', or 'error' with what the source threw. */
	private async flow(): Promise<void> {
		if (this.started) return;
		this.started = true;
		try {
			for (;;) {
				const { value, done } = await this.source.next();
				if (this.destroyed) return;
				if (done) break;
				this.emit('data', value);
			}
		} catch (error) {
			this.emit('error', error);
			return;
		}
		this.emit('end');
	}

	private emit(event: string, ...values: unknown[]): void {
		for (const entry of this.listeners.filter((candidate) => candidate.event === event)) {
			if (entry.once) this.off(event, entry.listener);
			entry.listener(...values);
		}
	}
}
