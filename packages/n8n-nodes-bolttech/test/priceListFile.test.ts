import { CsvReader, JsonLinesReader, PriceListFileError, recordsOf } from '../nodes/Bolttech/resources/catalog/priceListFile';
import type { FileRecord, RecordReader } from '../nodes/Bolttech/resources/catalog/priceListFile';

/** Every record of `text` fed in one piece. */
function readAll<T>(reader: RecordReader<T>, text: string): Array<FileRecord<T>> {
	return [...reader.push(text), ...reader.end()];
}

/** The records of `bytes` streamed in chunks of `size` bytes. */
async function streamed<T>(bytes: Buffer, size: number, reader: RecordReader<T>): Promise<Array<FileRecord<T>>> {
	async function* chunks() {
		for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
	}
	const records: Array<FileRecord<T>> = [];
	for await (const batch of recordsOf(chunks(), reader)) records.push(...batch);
	return records;
}

describe('reading a CSV price list by RFC 4180', () => {
	it('reads header and rows, with CRLF or LF line ends and no line break after the last row', () => {
		expect(readAll(new CsvReader(','), 'ean,price\r\n4006381333931,8999\r\n73513537,100')).toEqual([
			{ line: 1, values: ['ean', 'price'] },
			{ line: 2, values: ['4006381333931', '8999'] },
			{ line: 3, values: ['73513537', '100'] },
		]);
		expect(readAll(new CsvReader(';'), 'a;b\n1;2\n').map(({ values }) => values)).toEqual([['a', 'b'], ['1', '2']]);
	});

	it('keeps delimiters, doubled quotes and line breaks inside quoted fields, and counts lines for errors', () => {
		const text = 'sku,name,price\n"A,1","say ""hi""",1\n"B\r\n2","multi\nline",2\nC,,3\n';
		expect(readAll(new CsvReader(','), text)).toEqual([
			{ line: 1, values: ['sku', 'name', 'price'] },
			{ line: 2, values: ['A,1', 'say "hi"', '1'] },
			{ line: 3, values: ['B\r\n2', 'multi\nline', '2'] },
			{ line: 6, values: ['C', '', '3'] },
		]);
	});

	it('keeps empty fields, empty quoted fields and skips blank lines', () => {
		expect(readAll(new CsvReader(','), 'a,b\n\n,""\n\r\n"",\n""').map(({ values }) => values)).toEqual([['a', 'b'], ['', ''], ['', ''], ['']]);
	});

	it('refuses a quote inside an unquoted field, text after a closing quote and an unclosed quote, naming the line', () => {
		expect(() => readAll(new CsvReader(','), 'a,b\n1,x"y\n')).toThrow('Line 2 of the price list file: a quote inside an unquoted field');
		expect(() => readAll(new CsvReader(','), 'a,b\n"1"x,2\n')).toThrow('Line 2 of the price list file: "x" follows a quoted field');
		expect(() => readAll(new CsvReader(','), 'a,b\n1,2\n"3,4\n5,6\n')).toThrow(new PriceListFileError(3, 'a quoted field is never closed'));
	});

	it('refuses a delimiter that is a quote or a line break', () => {
		expect(() => new CsvReader('"')).toThrow('CSV delimiter');
		expect(() => new CsvReader('\n')).toThrow('CSV delimiter');
		expect(() => new CsvReader(';;')).toThrow('CSV delimiter');
	});

	it('reads the same records whatever the chunks: a chunk may end inside a quote pair, between CR and LF or inside a UTF-8 character', async () => {
		const text = '\uFEFFsku;name;price\r\n"Ñandú ""XL""";"a;b\r\nc";12,50\r\nΩ-📱;;7\r\n';
		const bytes = Buffer.from(text, 'utf8');
		const whole = await streamed(bytes, bytes.length, new CsvReader(';'));
		expect(whole).toEqual([
			{ line: 1, values: ['sku', 'name', 'price'] },
			{ line: 2, values: ['Ñandú "XL"', 'a;b\r\nc', '12,50'] },
			{ line: 4, values: ['Ω-📱', '', '7'] },
		]);
		for (let size = 1; size <= 9; size++) expect(await streamed(bytes, size, new CsvReader(';'))).toEqual(whole);
	});

	it('refuses text that is not UTF-8', async () => {
		await expect(streamed(Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0x0a]), 2, new CsvReader(','))).rejects.toThrow('not UTF-8');
	});
});

describe('reading a JSON Lines price list', () => {
	it('reads one object per line, skipping blank lines, in any chunks', async () => {
		const bytes = Buffer.from('{"ean":"4006381333931","price":8999}\r\n\n{"partner_device_id":"A-1","price":"12.5"}', 'utf8');
		const expected = [
			{ line: 1, values: { ean: '4006381333931', price: 8999 } },
			{ line: 3, values: { partner_device_id: 'A-1', price: '12.5' } },
		];
		for (const size of [1, 5, bytes.length]) expect(await streamed(bytes, size, new JsonLinesReader())).toEqual(expected);
	});

	it('refuses a line that is not a JSON object, naming it', () => {
		expect(() => readAll(new JsonLinesReader(), '{"a":1}\n[1,2]\n')).toThrow('Line 2 of the price list file: not a JSON object');
		expect(() => readAll(new JsonLinesReader(), '{"a":1}\n\n{"a":\n')).toThrow('Line 3 of the price list file: not JSON');
	});
});
