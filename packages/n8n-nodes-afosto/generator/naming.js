// @ts-check
// How the Afosto nodes name things for an n8n user, by n8n's UX guidelines: operations in Title Case
// from n8n's vocabulary (Create, Create or Update, Delete, Get, Get Many, Update, or one plain
// verb), actions in sentence case, descriptions that say more than the name and end with a
// period. The rules work from the Afosto API reference's summaries and descriptions; what they
// cannot know is in namingExceptions.js, the one table a reviewer checks.
const { FIELDS, NAMES, TYPOS } = require('./namingExceptions');

/**
 * @typedef {import('./spec').Endpoint} Endpoint
 * @typedef {import('./spec').Parameter} Parameter
 * @typedef {{ name: string, description?: string }} DescribedField A query, header or body field, as its description is made.
 */

/** @type {Record<string, string>} */
const ACRONYMS = { id: 'ID', ids: 'IDs', url: 'URL', uri: 'URI', uuid: 'UUID', sku: 'SKU', skus: 'SKUs', vat: 'VAT', api: 'API', ip: 'IP', json: 'JSON', pdf: 'PDF', html: 'HTML', iban: 'IBAN', ean: 'EAN', gln: 'GLN', jwt: 'JWT', sla: 'SLA', wms: 'WMS', dpd: 'DPD', gif: 'GIF', csv: 'CSV', otp: 'OTP', oauth: 'OAuth', rbac: 'RBAC', '2fa': '2FA', coc: 'CoC' };

/** The small words n8n's Title Case (the `title-case` package its lint uses) keeps lower case inside a name. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'because', 'but', 'by', 'en', 'for', 'if', 'in', 'neither', 'nor', 'of', 'on', 'or', 'only', 'over', 'per', 'so', 'some', 'than', 'that', 'the', 'to', 'up', 'upon', 'v', 'vs', 'versus', 'via', 'when', 'with', 'without', 'yet']);
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * The reference's text with its misspellings mended (namingExceptions.js TYPOS), word by word.
 * @param {string | undefined} text
 */
function withoutTypos(text) {
	return String(text ?? '')
		// `_` belongs to a word, so that a garbled wire-name-like word is looked up whole.
		.replace(/[A-Za-z_']+/g, (word) => {
			const meant = TYPOS[word.toLowerCase()];
			if (!meant) return word;
			return /^[A-Z]/.test(word) && /^[a-z]/.test(meant) ? meant.charAt(0).toUpperCase() + meant.slice(1) : meant;
		})
		.replace(/\b(a|an|the) \1\b/gi, '$1');
}

/**
 * The words of a name, a summary or a wire name (`is_including_vat`, `clientId`); "profile's" stays one word.
 * @param {string} text
 */
function words(text) {
	return String(text)
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9']+/)
		.map((word) => word.replace(/^'+|'+$/g, ''))
		.filter(Boolean);
}

/** @param {string} word */
const capitalised = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Title Case as n8n's lint checks it: small words lower case except first and last, acronyms upper case.
 * @param {string} text
 */
function titleCase(text) {
	const list = words(text);
	return list
		.map((word, index) => {
			const lower = word.toLowerCase();
			if (ACRONYMS[lower]) return ACRONYMS[lower];
			if (index > 0 && index < list.length - 1 && SMALL_WORDS.has(lower)) return lower;
			return capitalised(lower);
		})
		.join(' ');
}

/**
 * Sentence case as n8n's lint checks actions: the first word capitalised, all-capital acronyms kept, nothing else.
 * @param {string} text
 */
function sentenceCase(text) {
	return words(text)
		.map((word, index) => {
			const acronym = ACRONYMS[word.toLowerCase()];
			if (acronym && acronym === acronym.toUpperCase()) return acronym;
			return index === 0 ? capitalised(word.toLowerCase()) : word.toLowerCase();
		})
		.join(' ');
}

/** @param {string} text */
function camelCase(text) {
	const parts = words(text).map((word) => word.replace(/'/g, '').toLowerCase());
	const joined = parts.map((word, index) => (index === 0 ? word : capitalised(word))).join('');
	return /^[0-9]/.test(joined) ? `n${joined}` : joined;
}

/**
 * A noun's singular: "Addresses" -> "Address", "Categories" -> "Category"; n8n wants resources singular.
 * @param {string} word
 */
function singularWord(word) {
	if (/ies$/i.test(word)) return word.replace(/ies$/i, 'y');
	if (/(ss|x|ch|sh)es$/i.test(word)) return word.replace(/es$/i, '');
	if (/[^su]s$/i.test(word) && !/is$/i.test(word)) return word.slice(0, -1);
	return word;
}
/** @param {string} label */
const singular = (label) => label.replace(/(\w+)$/, singularWord);

/**
 * A description as n8n's lint wants it: one line, first letter capital, acronyms upper case, a final period.
 * @param {string | undefined} text
 */
function sentence(text) {
	let clean = withoutTypos(text).replace(/\s+/g, ' ').trim();
	if (!clean) return undefined;
	// Wire names in backticks (`id`, `sku`) stay as Afosto spells them: a user looks for that field.
	clean = clean
		.split(/(`[^`]*`)/)
		.map((part) => (part.startsWith('`') ? part : part.replace(/\b(id|ids|url|json|sku|skus|vat|pdf|csv)\b/gi, (match) => ACRONYMS[match.toLowerCase()])))
		.join('');
	clean = capitalised(clean);
	return /[.!?]$/.test(clean) ? clean : `${clean}.`;
}

/**
 * A field's description as n8n's lint wants it: as `sentence`, but one sentence has no final
 * period (several keep theirs).
 * @param {string | undefined} text
 */
function fieldSentence(text) {
	const clean = sentence(text);
	if (!clean) return undefined;
	return clean.replace('e.g.', '').split('. ').length === 1 ? clean.replace(/\.$/, '') : clean;
}

/**
 * Two texts that say the same (case, articles and punctuation aside).
 * @param {string} first @param {string} second
 */
const sameWords = (first, second) => {
	/** @param {string} text */
	const key = (text) => words(withoutTypos(text).toLowerCase()).filter((word) => !ARTICLES.has(word)).join(' ');
	return key(first) === key(second);
};

/*
 * Operations.
 */

/**
 * The reference's first words of a summary, as n8n's operation vocabulary.
 * @type {Record<string, string>}
 */
const VERBS = {
	get: 'Get',
	view: 'Get',
	show: 'Get',
	obtain: 'Get',
	find: 'Get',
	returns: 'Get',
	create: 'Create',
	creates: 'Create',
	upsert: 'Create or Update',
	update: 'Update',
	updates: 'Update',
	delete: 'Delete',
	deletes: 'Delete',
	query: 'Search',
	cancels: 'Cancel',
	clears: 'Clear',
	adds: 'Add',
};

/** Summaries that list: "List the hubs", "Get a list of prices", "Obtain a live list of invoices". */
const LIST_SUMMARY = /^(?:(?:get|view|obtain)(?: the| a)?(?: live)? list of|list(?: all)?)\s+(.*)$/i;

/** Words after the verb or an article that say nothing a name needs: "Create a new pricing group". */
const FILLERS = new Set(['new', 'single', 'existing', 'some']);

/**
 * The verb (n8n's word for it) and what it acts on, from a summary: "Create a new pricing group" -> Create, "pricing group".
 * @param {string} summary @param {Endpoint} endpoint
 */
function verbAndObject(summary, endpoint) {
	const text = withoutTypos(summary).trim().replace(/\.$/, '');
	const listed = LIST_SUMMARY.exec(text);
	const softDelete = /^mark (.*) as deleted$/i.exec(text);
	let verb;
	let rest;
	if (listed) [verb, rest] = ['Get Many', listed[1]];
	else if (/^update or insert /i.test(text)) [verb, rest] = ['Create or Update', text.replace(/^update or insert /i, '')];
	else if (softDelete && endpoint.method === 'DELETE') [verb, rest] = ['Delete', softDelete[1]];
	else {
		const [first, ...others] = text.split(/\s+/);
		verb = VERBS[first.toLowerCase()] ?? capitalised(first.toLowerCase());
		rest = others.join(' ');
	}
	const object = words(rest)
		.filter((word, index, all) => !ARTICLES.has(word.toLowerCase()) && !(FILLERS.has(word.toLowerCase()) && all.slice(0, index).every((before) => ARTICLES.has(before.toLowerCase()) || FILLERS.has(before.toLowerCase()))))
		.join(' ')
		.replace(/^(for|of) /i, '')
		// "Get a single user by id": the ID field says that.
		.replace(/ by id$/i, '');
	return { verb, object };
}

/**
 * The words of a resource label that name its records: "Pricing Group" -> "group".
 * @param {string} label
 */
const recordNoun = (label) => singularWord((words(label).pop() ?? '').toLowerCase());

/**
 * The names of a resource's operations, in the order of `endpoints`: the bare verb where the
 * resource has one operation with it and that acts on the resource's own records ("Create"),
 * else the verb and what it acts on ("Get Hub Status"); the exceptions table where the rules
 * cannot tell two operations apart. Each with its action (sentence case) and what it acts on.
 */
/**
 * @param {string} resourceLabel
 * @param {Endpoint[]} endpoints
 * @returns {Array<{ name: string, action: string, object: string }>}
 */
function operationNamesOf(resourceLabel, endpoints) {
	const parts = endpoints.map((endpoint) => verbAndObject(endpoint.summary, endpoint));
	/** @type {Map<string, number>} */
	const verbCount = new Map();
	for (const { verb } of parts) verbCount.set(verb, (verbCount.get(verb) ?? 0) + 1);
	const noun = recordNoun(resourceLabel);
	const labelKey = words(resourceLabel).map((word) => singularWord(word.toLowerCase())).join(' ');
	/** @param {string} object */
	const objectKey = (object) => words(object).map((word) => singularWord(word.toLowerCase())).join(' ');
	// The one operation of its verb on the resource's records, or of several the one on nothing but the record ("Get order" beside "Get backorders").
	const bare = parts.map(({ verb, object }) => {
		const objectWords = words(object);
		const onOwnRecords = !objectWords.length || singularWord(objectWords[objectWords.length - 1].toLowerCase()) === noun;
		const justTheRecord = !objectWords.length || [labelKey, noun].includes(objectKey(object));
		return (verbCount.get(verb) === 1 && onOwnRecords) || justTheRecord;
	});
	/** @type {Map<string, number>} */
	const bareCount = new Map();
	parts.forEach(({ verb }, index) => bare[index] && bareCount.set(verb, (bareCount.get(verb) ?? 0) + 1));
	const named = endpoints.map((endpoint, index) => {
		const { verb, object } = parts[index];
		const exception = NAMES[`${endpoint.method} ${endpoint.path}`];
		const name = exception ?? (bare[index] && bareCount.get(verb) === 1 ? verb : titleCase(`${verb} ${object}`));
		const fullName = name === verb ? `${verb} ${object || resourceLabel}` : name;
		return { name, action: sentenceCase(fullName), object: object || resourceLabel };
	});
	/** @type {Map<string, number>} */
	const byName = new Map();
	named.forEach(({ name }, index) => {
		if (byName.has(name)) {
			const [first, second] = [endpoints[byName.get(name) ?? 0], endpoints[index]];
			throw new Error(`${resourceLabel}: "${first.method} ${first.path}" and "${second.method} ${second.path}" are both named "${name}": name one in generator/namingExceptions.js`);
		}
		byName.set(name, index);
	});
	return named;
}

/**
 * The reference's descriptions it gives endpoints with different summaries ("Create an optimized
 * set of claims" on a Get and a Create): copied by mistake, so they are not shown.
 * @param {Endpoint[]} endpoints
 */
function copiedDescriptions(endpoints) {
	/** @type {Map<string, Set<string>>} */
	const summaries = new Map();
	for (const { description, summary } of endpoints) {
		if (!description) continue;
		const list = summaries.get(description) ?? new Set();
		summaries.set(description, list);
		list.add(summary);
	}
	return new Set([...summaries].filter(([, list]) => list.size > 1).map(([description]) => description));
}

/**
 * What n8n's output of an operation is, as its description says it.
 * @param {Endpoint} endpoint
 */
function outputOf(endpoint) {
	const { kind, paging } = endpoint.response;
	if (kind === 'binary') return 'The file comes out in the binary property "data".';
	if (kind === 'empty') return endpoint.method === 'DELETE' ? 'Afosto answers with no content; the output is {"deleted": true}.' : 'Afosto answers with no content when it succeeds.';
	if (kind === 'json-list' && paging === 'header-cursor') return 'One item per record; Return All reads every page, Limit stops after that many.';
	if (kind === 'json-list') return 'One item per entry of the list Afosto answers.';
	return 'The output is the object Afosto answers.';
}

/**
 * The description of an operation: the reference's own where it says more than the name (and
 * was not copied onto other endpoints), then what comes out.
 * @param {Endpoint} endpoint @param {string} action @param {Set<string>} copied
 */
function operationDescriptionOf(endpoint, action, copied) {
	const own = endpoint.description && !copied.has(endpoint.description) && !sameWords(endpoint.description, endpoint.summary) && !sameWords(endpoint.description, action) ? sentence(endpoint.description) : undefined;
	return [own ?? `${action}.`, outputOf(endpoint)].join(' ');
}

/*
 * Fields.
 */

/**
 * The record a path placeholder names: `{id}` of `/wms/claims/{id}` -> "claim"; `{transfer_id}` -> "transfer".
 * @param {string} path @param {string} placeholder
 */
function recordOfPlaceholder(path, placeholder) {
	const named = /^(.+)_id$/.exec(placeholder);
	if (named) return words(named[1]).join(' ').toLowerCase();
	const segments = path.split('/');
	const before = segments[segments.indexOf(`{${placeholder}}`) - 1] ?? '';
	return singularWord(words(before.replace(/^\{.*\}$/, '')).join(' ').toLowerCase()) || 'record';
}

/**
 * What a path field asks for, as an action says it: "order ID", "code", "SKU".
 * @param {Endpoint} endpoint @param {Parameter} parameter
 */
function pathNeedOf(endpoint, parameter) {
	const isId = /^(id|.+_id)$/.test(parameter.name);
	if (!isId) return words(parameter.name).map((word) => (/^(sku|ean|id|url)$/i.test(word) ? word.toUpperCase() : word.toLowerCase())).join(' ');
	return `${recordOfPlaceholder(endpoint.path, parameter.name)} ID`;
}

/**
 * The action with what the operation needs and, for a delete, that it is destructive: n8n's AI
 * Agent describes a tool by its action when Tool Description is "Set Automatically"
 * (`${action} in ${node}`, n8n-workflow's makeDescription), so the model reads there which IDs it
 * must supply and that the call cannot be undone. "Get order by ID", "Get backorders by order
 * ID", "Delete group by ID (destructive)".
 * @param {Endpoint} endpoint @param {string} action
 */
function actionForTools(endpoint, action) {
	const needs = endpoint.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => pathNeedOf(endpoint, parameter));
	// "Get order by order ID": the ID of the record the action names is just "ID".
	const lastWord = (action.split(' ').pop() ?? '').toLowerCase();
	const said = needs.map((need, index) => (index === needs.length - 1 && need === `${lastWord} ID` ? 'ID' : need));
	const by = said.length ? ` by ${said.join(' and ')}` : '';
	const destructive = endpoint.method === 'DELETE' ? ' (destructive)' : '';
	return `${action}${by}${destructive}`;
}

/**
 * The description of a path field: whose ID (or code, key…) it is and, where the node lists those
 * records, which operation gives it: "ID of the order, as Order › Get Many returns it in `id`".
 * A field picked from the records of the one before it says so (`within`: "Price Group").
 * @param {Endpoint} endpoint @param {Parameter} parameter @param {(path: string) => string | undefined} listedBy
 * @param {string} [within]
 */
function pathFieldDescription(endpoint, parameter, listedBy, within) {
	const isId = /^(id|.+_id)$/.test(parameter.name);
	const record = recordOfPlaceholder(endpoint.path, parameter.name);
	const what = isId ? `ID of the ${record}` : `${capitalised(words(parameter.name).join(' ').toLowerCase())} of the ${record}`;
	const prefix = endpoint.path.slice(0, endpoint.path.indexOf(`{${parameter.name}}`) - 1);
	const lister = listedBy(prefix);
	const source = lister ? `, as ${lister} returns it in \`${isId ? 'id' : parameter.name}\`` : '';
	const own = parameter.description && !sameWords(parameter.description, what) ? ` ${sentence(parameter.description)}` : '';
	const picked = within ? ` From List shows the ${words(parameter.name).join(' ')}s of the ${within} chosen above.` : '';
	return fieldSentence(`${what}${source}.${own}${picked}`);
}

/**
 * Wire names whose meaning the name says, for fields the reference does not describe.
 * @type {Array<[RegExp, (match: RegExpExecArray) => string]>}
 */
const FIELD_PATTERNS = [
	[/^(is|has|can|should)_(.+)$/, (match) => `Whether ${words(match[2]).join(' ').toLowerCase()}`],
	[/^(.+)_at$/, (match) => `When ${words(match[1]).join(' ').toLowerCase()}, as an ISO 8601 date and time`],
	[/^(.+)_ids$/, (match) => `IDs of the ${words(match[1]).join(' ').toLowerCase()}s`],
	[/^(.+)_id$/, (match) => `ID of the ${words(match[1]).join(' ').toLowerCase()}`],
	[/^ids$/, () => 'IDs of the records'],
	[/^(q|query|search)$/, () => 'Text to search for'],
	[/^offset$/, () => 'Number of results to skip'],
	[/^email$/, () => 'Email address'],
	[/^metadata$/, () => 'Metadata to keep with the record, as a JSON object'],
	[/^x-idempotency-key$/, () => 'A key of your choosing: Afosto carries out a request with the same key only once'],
];

/**
 * The description of a query or body field: the reference's own, else what its name says, else
 * the field and the record it belongs to ("Currency of the pricing group.").
 * @param {DescribedField} field @param {string} displayName @param {string} about
 */
function fieldDescription(field, displayName, about) {
	const own = fieldSentence(field.description);
	if (own && !sameWords(field.description ?? '', displayName)) return own;
	const pattern = FIELD_PATTERNS.find(([expression]) => expression.test(field.name));
	const match = pattern?.[0].exec(field.name);
	if (pattern && match) return fieldSentence(pattern[1](match));
	return fieldSentence(`${capitalised(displayName.toLowerCase())} of the ${about}`);
}

/**
 * A boolean's description, as n8n wants it: "Whether …".
 * @param {DescribedField} field @param {string} displayName @param {string} about
 */
function booleanDescription(field, displayName, about) {
	const own = withoutTypos(field.description).trim();
	if (/^whether\b/i.test(own)) return fieldSentence(own);
	if (/^(true|set) (when|if)\b/i.test(own)) return fieldSentence(own.replace(/^(true|set) (when|if)\b/i, 'Whether'));
	const pattern = FIELD_PATTERNS[0];
	const match = pattern[0].exec(field.name);
	const whether = match ? pattern[1](match) : `Whether the ${about} is ${displayName.toLowerCase()}`;
	return fieldSentence(own ? `${whether}: ${own.charAt(0).toLowerCase()}${own.slice(1)}` : whether);
}

/** A field's name and description as the exceptions table has them (`/cnt/barcode`'s `v`), if it has. */
/**
 * @param {Endpoint} endpoint @param {string} name
 * @returns {import('./namingExceptions').FieldException | undefined}
 */
const fieldException = (endpoint, name) => FIELDS[`${endpoint.method} ${endpoint.path}`]?.[name];

module.exports = {
	ACRONYMS,
	titleCase,
	sentenceCase,
	camelCase,
	singular,
	sentence,
	words,
	withoutTypos,
	operationNamesOf,
	copiedDescriptions,
	operationDescriptionOf,
	pathFieldDescription,
	actionForTools,
	fieldDescription,
	booleanDescription,
	fieldException,
	TYPOS,
};
