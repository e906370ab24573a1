/**
 * Reading a price list from a file as it streams in, record by record, so that a list of a million
 * SKUs never sits in n8n's memory as items or as one string: CSV by RFC 4180 (quoted fields, doubled
 * quotes, line breaks inside quotes, CRLF or LF) and JSON Lines. A byte-order mark is dropped; text
 * that is not UTF-8 is refused.
 */

/** One record of the file and the line it starts on (1-based), for errors a user can find. */
export interface FileRecord<T> {
	line: number;
	values: T;
}

/** Why a file cannot be read, with the line it happened on. */
export class PriceListFileError extends Error {
	constructor(
		readonly line: number,
		reason: string,
	) {
		super(`Line ${line} of the price list file: ${reason}`);
	}
}

const QUOTE = '"';

/**
 * RFC 4180's grammar as a state machine fed with text of any length: a record may span chunks, a
 * chunk may end between a quote and its double or between CR and LF. Blank lines hold no record.
 */
export class CsvReader {
	private field = '';
	private record: string[] = [];
	private quoted = false;
	/** Inside a quoted field, the last character was a quote: a doubled quote or the field's end. */
	private quoteSeen = false;
	/** The field was quoted and has ended: only a delimiter or a line break may follow. */
	private afterQuoted = false;
	private pendingCarriageReturn = false;
	private line = 1;
	private recordLine = 1;

	constructor(private readonly delimiter: string) {
		if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\r' || delimiter === '\n') {
			throw new Error(`A CSV delimiter is one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`);
		}
	}

	/** The records `text` completes. */
	push(text: string): Array<FileRecord<string[]>> {
		const records: Array<FileRecord<string[]>> = [];
		for (let index = 0; index < text.length; index++) {
			const character = text[index];
			if (this.pendingCarriageReturn) {
				this.pendingCarriageReturn = false;
				// CRLF is one line break; the CR already ended the record.
				if (character === '\n') continue;
			}
			if (this.quoted) {
				if (this.quoteSeen) {
					this.quoteSeen = false;
					if (character === QUOTE) {
						this.field += QUOTE;
						continue;
					}
					this.quoted = false;
					this.afterQuoted = true;
				} else if (character === QUOTE) {
					this.quoteSeen = true;
					continue;
				} else {
					// Lines are counted at LF; a line break inside quotes is part of the field.
					if (character === '\n') this.line++;
					this.field += character;
					continue;
				}
			}
			if (character === this.delimiter) {
				this.endField();
			} else if (character === '\n' || character === '\r') {
				this.pendingCarriageReturn = character === '\r';
				this.endRecord(records);
				this.line++;
				this.recordLine = this.line;
			} else if (this.afterQuoted) {
				throw new PriceListFileError(this.line, `${JSON.stringify(character)} follows a quoted field; a quoted field ends at a delimiter or a line break`);
			} else if (character === QUOTE) {
				if (this.field.length) {
					throw new PriceListFileError(this.line, 'a quote inside an unquoted field; quote the whole field and double the quote ("")');
				}
				this.quoted = true;
			} else {
				this.field += character;
			}
		}
		return records;
	}

	/** The last record, if the text did not end with a line break; refuses an unclosed quote. */
	end(): Array<FileRecord<string[]>> {
		if (this.quoted && !this.quoteSeen) throw new PriceListFileError(this.recordLine, 'a quoted field is never closed');
		const records: Array<FileRecord<string[]>> = [];
		if (this.quoteSeen) this.afterQuoted = true;
		this.quoted = false;
		this.quoteSeen = false;
		this.endRecord(records);
		return records;
	}

	private endField() {
		this.record.push(this.field);
		this.field = '';
		this.afterQuoted = false;
	}

	private endRecord(records: Array<FileRecord<string[]>>) {
		const blank = this.record.length === 0 && this.field === '' && !this.afterQuoted;
		this.endField();
		if (!blank) records.push({ line: this.recordLine, values: this.record });
		this.record = [];
	}
}

/** JSON Lines: one JSON object per line; blank lines hold none. */
export class JsonLinesReader {
	private rest = '';
	private line = 1;

	push(text: string): Array<FileRecord<Record<string, unknown>>> {
		const lines = (this.rest + text).split('\n');
		this.rest = lines.pop() as string;
		return lines.flatMap((line) => this.parse(line));
	}

	end(): Array<FileRecord<Record<string, unknown>>> {
		const last = this.parse(this.rest);
		this.rest = '';
		return last;
	}

	private parse(text: string): Array<FileRecord<Record<string, unknown>>> {
		const line = this.line++;
		const trimmed = text.trim();
		if (!trimmed) return [];
		let value: unknown;
		let notJson: string | undefined;
		try {
			value = JSON.parse(trimmed);
		} catch (error) {
			notJson = (error as Error).message;
		}
		if (notJson !== undefined) throw new PriceListFileError(line, `not JSON (${notJson})`);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			throw new PriceListFileError(line, 'not a JSON object; JSON Lines holds one object per line');
		}
		return [{ line, values: value as Record<string, unknown> }];
	}
}

/** A reader of either kind: text in, records out. */
export interface RecordReader<T> {
	push(text: string): Array<FileRecord<T>>;
	end(): Array<FileRecord<T>>;
}

/**
 * The records of a byte stream, decoded as UTF-8 (a byte-order mark dropped, a character split
 * between chunks kept whole), in batches of whatever each chunk completed.
 */
export async function* recordsOf<T>(chunks: AsyncIterable<Uint8Array>, reader: RecordReader<T>): AsyncGenerator<Array<FileRecord<T>>> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let line = 1;
	const decode = (chunk?: Uint8Array) => {
		const text = textOf(() => (chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()));
		if (text === undefined) throw new PriceListFileError(line, 'the file is not UTF-8 text');
		return text;
	};
	for await (const chunk of chunks) {
		const records = reader.push(decode(chunk));
		if (records.length) {
			line = records[records.length - 1].line;
			yield records;
		}
	}
	const rest = [...reader.push(decode()), ...reader.end()];
	if (rest.length) yield rest;
}

/** The text `decode` gives, or undefined if the bytes are not UTF-8. */
function textOf(decode: () => string): string | undefined {
	try {
		return decode();
	} catch {
		return undefined;
	}
}
