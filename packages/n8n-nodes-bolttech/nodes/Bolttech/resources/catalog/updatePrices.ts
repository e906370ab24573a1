import type { CatalogOperation } from './catalogAction';

const showOnlyForUpdatePrices = { show: { resource: ['catalog'], operation: ['updatePrices'] } };

export const DEFAULT_BATCH_SIZE = 500;
/**
 * Against a partner answering after 25 ms, 100,000 SKUs in batches of 1,000 took 3.15 s one batch
 * at a time, 1.73 s with 2 in flight, 0.94 s with 4, 0.60 s with 8 and 0.46 s with 16 (node time,
 * bench/changedPrices.ts): 4 takes 70% of the gain while asking bolttech to work on no more than 4
 * lists at once.
 */
export const DEFAULT_BATCHES_IN_FLIGHT = 4;
/** The binary field the price memory file comes in and goes out in (Remember In: A File You Keep). */
export const DEFAULT_MEMORY_FIELD = 'priceMemory';
const showWithMemoryFile = { show: { '/incremental': [true], sendOnlyChanged: [true], rememberIn: ['file'] } };

/**
 * Update Prices is sent from code (updatePricesInBatches, the Bolttech node's custom operation):
 * declarative routing sends one request per item, and this batches all items into few requests.
 */
export const updatePrices: CatalogOperation = {
	option: {
		name: 'Update Prices',
		value: 'updatePrices',
		action: 'Update device prices (with incremental off, replaces every price)',
		description: 'Send net prices for many SKUs as price lists, in batches',
	},
	actionId: 'update_price',
	fields: [
		{
			displayName:
				'Takes all input items, one per SKU, and sends them to bolttech as price lists: in batches, a few at once, when Incremental is on (a SKU listed twice ends with its later price); as one whole list when it is off. Each request comes out as one item.',
			name: 'updatePricesNotice',
			type: 'notice',
			default: '',
			displayOptions: showOnlyForUpdatePrices,
		},
		{
			displayName: 'Incremental',
			name: 'incremental',
			type: 'boolean',
			default: true,
			description:
				'Whether the input holds only the prices that changed since the last upload (sent in batches, each added to bolttech\'s list). Turn off to send the whole price list: it replaces every price bolttech holds, so it goes as one request with all SKUs whatever the batch size, and any invalid item stops the run before anything is sent. bolttech holds either its old list or the whole new one, never part of it.',
			displayOptions: showOnlyForUpdatePrices,
		},
		{
			displayName: 'Map Prices From',
			name: 'priceMapping',
			type: 'options',
			options: [
				{
					name: 'Input Fields',
					value: 'inputFields',
					description: 'Read the EAN, partner device ID and net price from the input fields named below (fastest)',
				},
				{
					name: 'Expressions',
					value: 'expressions',
					description: 'Compute each value per item with an expression',
				},
				{
					name: 'File',
					value: 'file',
					description: 'Read the price list from a CSV or JSON Lines file in the first input item, row by row as it streams, without turning rows into items (for lists of millions of SKUs)',
				},
			],
			default: 'inputFields',
			displayOptions: showOnlyForUpdatePrices,
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'Binary field of the first input item that holds the price list file, e.g. from Read/Write Files from Disk or an HTTP Request download',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['file'] } },
		},
		{
			displayName: 'File Format',
			name: 'fileFormat',
			type: 'options',
			options: [
				{ name: 'CSV', value: 'csv', description: 'A header row naming the columns, then one row per SKU (RFC 4180 quoting)' },
				{ name: 'JSON Lines', value: 'jsonLines', description: 'One JSON object per line' },
			],
			default: 'csv',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['file'] } },
		},
		{
			displayName: 'Delimiter',
			name: 'csvDelimiter',
			type: 'string',
			default: ',',
			description: 'The character between the columns of a row, e.g. ; or a tab',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['file'], fileFormat: ['csv'] } },
		},
		{
			displayName: 'Decimal Separator',
			name: 'decimalSeparator',
			type: 'options',
			options: [
				{ name: 'Point (8999.00)', value: '.' },
				{ name: 'Comma (8999,00)', value: ',' },
			],
			default: '.',
			description: 'How prices written as text in the file separate decimals',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['file'] } },
		},
		{
			displayName: 'EAN Field',
			name: 'eanField',
			type: 'string',
			default: 'ean',
			description: 'Input field (or file column) with the EAN-8 or EAN-13 of the device (dot notation for nested fields); leave empty if you only send partner device IDs',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['inputFields', 'file'] } },
		},
		{
			displayName: 'Partner Device ID Field',
			name: 'partnerDeviceIdField',
			type: 'string',
			default: 'partner_device_id',
			description: 'Input field (or file column) with your SKU for the device; leave empty if you only send EANs',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['inputFields', 'file'] } },
		},
		{
			displayName: 'Net Price Field',
			name: 'netPriceField',
			type: 'string',
			default: 'price_net',
			required: true,
			description: 'Input field (or file column) with the net price, in the unit chosen below',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['inputFields', 'file'] } },
		},
		{
			displayName: 'EAN',
			name: 'ean',
			type: 'string',
			default: '={{ $json.ean }}',
			description: 'EAN-8 or EAN-13 of the device; give an EAN, a partner device ID or both',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['expressions'] } },
		},
		{
			displayName: 'Partner Device ID',
			name: 'partnerDeviceId',
			type: 'string',
			default: '={{ $json.partner_device_id }}',
			description: 'Your SKU for the device, as agreed with bolttech during onboarding',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['expressions'] } },
		},
		{
			displayName: 'Net Price',
			name: 'netPrice',
			type: 'string',
			default: '={{ $json.price_net }}',
			required: true,
			description: 'The net price of the device, in the unit chosen below',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceMapping: ['expressions'] } },
		},
		{
			displayName: 'Price Unit',
			name: 'priceUnit',
			type: 'options',
			options: [
				{
					name: 'Minor Units (e.g. Cents)',
					value: 'minor',
					description: 'Whole numbers such as 899900 for 8,999.00',
				},
				{
					name: 'Major Units (e.g. Euros)',
					value: 'major',
					description: 'Amounts such as 8999.00, converted to minor units before sending',
				},
			],
			default: 'minor',
			description: 'Bolttech expects price_net as an integer in minor units',
			displayOptions: showOnlyForUpdatePrices,
		},
		{
			displayName: 'Decimal Places',
			name: 'decimalPlaces',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 4 },
			default: 2,
			description: 'Minor units per major unit as a power of ten: 2 for EUR or USD, 0 for JPY, 3 for KWD',
			displayOptions: { show: { ...showOnlyForUpdatePrices.show, priceUnit: ['major'] } },
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_BATCH_SIZE,
			description:
				'How many SKUs each price list request carries when Incremental is on. With Incremental off the whole list goes in one request, whatever this says.',
			displayOptions: showOnlyForUpdatePrices,
		},
		{
			displayName: 'Options',
			name: 'priceSyncOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: showOnlyForUpdatePrices,
			options: [
				{
					displayName: 'Batches in Flight',
					name: 'batchesInFlight',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 16 },
					default: 4,
					description:
						'How many batches may wait for bolttech\'s answer at once when Incremental is on; 1 sends them one after the other. A batch that holds a device (EAN or partner device ID) of a batch still waiting is held back until that one is answered, so a SKU listed twice always ends with its later price.',
					displayOptions: { show: { '/incremental': [true] } },
				},
				{
					displayName: 'Dry Run',
					name: 'dryRun',
					type: 'boolean',
					default: false,
					description:
						'Whether to only output which SKUs would be sent (new or changed) and the counts, sending nothing and remembering nothing',
					displayOptions: { show: { '/incremental': [true], sendOnlyChanged: [true] } },
				},
				{
					displayName: 'Max Retries per Batch',
					name: 'maxRetries',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 10 },
					default: 3,
					description:
						'How often a batch is sent again after a 429, 500, 502, 503 or 504 answer, a reset connection or a timeout before it counts as failed. Sending the same prices again is safe.',
				},
				{
					displayName: 'Max Wait per Retry (Seconds)',
					name: 'maxRetryWaitSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 60,
					description:
						'Upper bound for the wait bolttech asks for in Retry-After; without it, the waits are 1, 2, 4… seconds up to this bound',
				},
				{
					displayName: 'Memory Input Field',
					name: 'memoryInputField',
					type: 'string',
					default: DEFAULT_MEMORY_FIELD,
					description:
						'Binary field of the first input item with the memory file that the last production run output (e.g. from Read/Write Files from Disk or S3). Without it every SKU counts as new. A file that is not this product code\'s price memory stops the run.',
					displayOptions: showWithMemoryFile,
				},
				{
					displayName: 'Memory Output Field',
					name: 'memoryOutputField',
					type: 'string',
					default: DEFAULT_MEMORY_FIELD,
					description:
						'Binary field of the first output item that gets the memory file after the run, for your workflow to store and pass back next run. Manual runs and Dry Run output it unchanged.',
					displayOptions: showWithMemoryFile,
				},
				{
					displayName: 'Remember In',
					name: 'rememberIn',
					type: 'options',
					options: [
						{
							name: 'Workflow Static Data',
							value: 'staticData',
							description: 'The workflow keeps the memory itself. Not kept in queue mode: n8n starts each production run on a worker without it.',
						},
						{
							name: 'A File You Keep',
							value: 'file',
							description: 'The memory comes in as a file on the first input item and goes out updated on the first output item; store it with n8n nodes between runs (works in queue mode)',
						},
					],
					default: 'staticData',
					description: 'Where Send Only Changed Prices keeps what bolttech accepted between runs',
					displayOptions: { show: { '/incremental': [true], sendOnlyChanged: [true] } },
				},
				{
					displayName: 'Send Only Changed Prices',
					name: 'sendOnlyChanged',
					type: 'boolean',
					default: false,
					description:
						"Whether to send only the SKUs that are new or whose price changed since bolttech accepted them from this node. The node remembers a short fingerprint of each accepted price (about 14 bytes per SKU, up to 250,000 SKUs per product code) in the workflow or a file (Remember In) from production runs only; manual runs read it but do not change it. A SKU listed twice counts with its last price. A failed batch's SKUs are sent again next time. Turn it off for one run to send every SKU and forget the memory.",
					displayOptions: { show: { '/incremental': [true] } },
				},
				{
					displayName: 'Validate EAN Check Digits',
					name: 'validateEanCheckDigit',
					type: 'boolean',
					default: true,
					// The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s own example EAN 7350028569832 fails the GS1 check (it should end in 0).
					description:
						'Whether to refuse EANs whose GS1 check digit is wrong before sending. Turn off only if bolttech holds such EANs from your onboarding list.',
				},
			],
		},
	],
	sentFromCode: true,
};
