import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { encodeMemory, parseMemory } from './priceMemory';
import type { MemoryStore } from './priceMemory';

/** The `format` of a memory file; a file without it is not one. */
export const MEMORY_FILE_FORMAT = 'bolttech-price-memory';

/** The memory file's content. */
interface MemoryFileContent {
	format: typeof MEMORY_FILE_FORMAT;
	productCode: string;
	/** PriceMemory's string: 'v1:' and 14 characters per remembered SKU. */
	remembered: string;
}

/**
 * Remember In: A File You Keep. The memory comes in as a binary field of the first input item and
 * goes out, updated, on the first output item; the user's workflow stores the file between runs
 * with n8n's own nodes. This is for queue mode, where n8n 2.40.7 starts every new execution on a
 * worker without the workflow's static data (test/e2e-queue/priceListFile.e2e.ts), and a node can
 * reach nothing else that lasts from one run to the next.
 */
export class PriceMemoryFile implements MemoryStore {
	private remembered: string;

	private constructor(
		private readonly productCode: string,
		/** The remembered string the input file held; undefined without a file (a first run). */
		found: string | undefined,
	) {
		this.remembered = found ?? encodeMemory(new Map());
	}

	/**
	 * The memory in binary field `field` of the first input item, or none when the item has no such
	 * field. A file that is not a memory of this product code is refused rather than taken as none:
	 * a workflow wired to the wrong file would otherwise never skip anything, and nobody would know.
	 */
	static async read(context: IExecuteFunctions, productCode: string, field: string): Promise<PriceMemoryFile> {
		if (!context.getInputData()[0]?.binary?.[field]) return new PriceMemoryFile(productCode, undefined);
		const text = (await context.helpers.getBinaryDataBuffer(0, field)).toString('utf8');
		const refuse = (message: string) =>
			new NodeOperationError(context.getNode(), `The file in binary field "${field}" ${message}`, {
				itemIndex: 0,
				description:
					'Remember In: A File You Keep reads the file that an earlier production run of this node output in its Memory Output Field. Pass that file on, or no file at all for a first run that sends every SKU.',
			});
		let content: Partial<MemoryFileContent> | undefined;
		try {
			content = JSON.parse(text) as Partial<MemoryFileContent>;
		} catch {
			content = undefined;
		}
		if (content?.format !== MEMORY_FILE_FORMAT) throw refuse(`is not a bolttech price memory (no "format": "${MEMORY_FILE_FORMAT}")`);
		if (content.productCode !== productCode) throw refuse(`is the price memory of product code "${String(content.productCode)}", not "${productCode}"`);
		if (!parseMemory(content.remembered)) throw refuse('is a damaged bolttech price memory (its "remembered" is not one)');
		return new PriceMemoryFile(productCode, content.remembered);
	}

	load(): string {
		return this.remembered;
	}

	save(remembered: string): void {
		this.remembered = remembered;
	}

	/** Puts the memory, as it is now, in binary field `field` of `item`. */
	async attachTo(context: IExecuteFunctions, item: INodeExecutionData, field: string): Promise<void> {
		const content: MemoryFileContent = { format: MEMORY_FILE_FORMAT, productCode: this.productCode, remembered: this.remembered };
		const fileName = `bolttech-price-memory-${this.productCode.replace(/[^\w.-]/g, '_')}.json`;
		const file = await context.helpers.prepareBinaryData(Buffer.from(JSON.stringify(content), 'utf8'), fileName, 'application/json');
		item.binary = { ...item.binary, [field]: file };
	}
}
