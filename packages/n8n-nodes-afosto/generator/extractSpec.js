'use strict';

// Extracts a machine-readable spec from the Afosto API reference (a Swagger 2.0 reference rendered to
// plain text). The committed spec/afosto.json is the source of truth for the Afosto nodes; this tool
// refreshes it when Afosto publishes a new reference:
//
//   npm run spec:extract -- <path to the Afosto API reference text>
//
// The reference is not part of the repository. The tests read the committed spec
// (test/spec.test.ts) and run the extractor on small fixtures that reproduce the reference's
// layout quirks (test/extractSpec.test.ts). Everything here must be deterministic, so that a
// re-extraction only shows what changed in the reference: arrays keep the reference's order and every
// object is built with a fixed key order.

const fs = require('node:fs');
const path = require('node:path');

// The file name under which the Afosto API reference was received, recorded as the spec's `source`.
const SOURCE_NAME = 'Afosto API reference';
const OUTPUT_PATH = path.resolve(__dirname, '../spec/afosto.json');
const BASE_URL = 'https://api.afosto.io';

const METHOD_LINE = /^(GET|POST|PUT|DELETE) (\/\S*)$/;
const PARAMETER_LOCATION_LINE = /^in (path|query|header|formData)$/;
const STATUS_LINE = /^([1-5]\d\d) ([A-Z][A-Za-z -]*)$/;
const SCOPE_NAME_LINE = /^[a-z0-9]+(?::[a-z0-9]+)*$/;
const CLOSING_JSON_LINE = /^[\]}]$/;
const RESPONSE_EXAMPLE_LINE = /^Response Example \((\d{3}) [^)]*\)$/;
const RESPONSE_HEADERS_LINE = /^Response Headers \((\d{3}) [^)]*\)$/;
const DEFINITION_HEADER_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?: ([a-z]+))?$/;
// Two success responses have neither an example nor a content type; their descriptions say what
// they return ("Transform HTML into a PDF and return PDF as string", "The transcoded MP4").
const DESCRIBED_BINARY_RESPONSES = new Set(['POST /cnt/html/inline', 'GET /cnt/gif/transform']);
const PRIMITIVE_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'file']);
// `type: [format] [enum, values] [default]`, e.g. `string (uuid)`, `string 1, 0 0`, `string[]`.
const TYPE_SPEC = /^([A-Za-z][A-Za-z0-9_]*)(\[\])?(?: \(([^)]+)\))?(?: (.+))?$/;
const PROPERTY_LINE = /^([A-Za-z0-9_.$@-]+): (.+)$/;
// The renderer's placeholders for a missing description.
const EMPTY_DESCRIPTIONS = new Set(['(no description)', 'undefined']);

function extractAfostoSpec(referenceText) {
	const lines = referenceText.replace(/\r\n?/g, '\n').split('\n');
	const definitionsStart = lines.indexOf('Schema Definitions');
	if (definitionsStart < 0) throw new Error('the reference has no "Schema Definitions" section');

	const { scopes, scopesEnd } = parseScopes(lines);
	const rawDefinitions = readRawDefinitions(lines, definitionsStart + 1);
	const definitions = parseDefinitions(rawDefinitions);
	const definitionNames = new Set(Object.keys(definitions));
	const definitionExamples = rawDefinitions.map((raw) => ({ name: raw.name, example: raw.example }));

	const methodLineIndexes = [];
	for (let index = scopesEnd; index < definitionsStart; index++) {
		if (METHOD_LINE.test(lines[index])) methodLineIndexes.push(index);
	}

	const blocks = methodLineIndexes.map((methodIndex, position) => {
		const summaryIndex = previousNonBlank(lines, methodIndex - 1);
		const headingStart = position === 0 ? scopesEnd : lastClosingJsonLine(lines, summaryIndex) + 1;
		const nextMethodIndex = methodLineIndexes[position + 1];
		const contentEnd =
			nextMethodIndex === undefined
				? lastClosingJsonLine(lines, definitionsStart)
				: lastClosingJsonLine(lines, previousNonBlank(lines, nextMethodIndex - 1));
		return { methodIndex, summaryIndex, headingStart, contentEnd };
	});

	const endpoints = [];
	const firstIdByPair = new Map();
	const usedIds = new Set();
	let group = '';
	let tag = '';
	blocks.forEach((block, position) => {
		const headings = readHeadings(lines, block, blocks[position + 1]);
		if (headings.group !== undefined) group = headings.group;
		if (headings.tag !== undefined) tag = headings.tag;
		if (headings.label !== undefined && headings.label !== tag) {
			throw new Error(`line ${block.headingStart + 1}: tag label "${headings.label}" outside tag "${tag}"`);
		}

		const [, method, endpointPath] = METHOD_LINE.exec(lines[block.methodIndex]);
		const pair = `${method} ${endpointPath}`;
		const firstId = firstIdByPair.get(pair);
		let id = operationId(method, endpointPath);
		// Quirk: the "Meilisearch" group re-prints the Content group's Proxy and Index sections word
		// for word (21 endpoints); the re-print keeps its place but points at the first print.
		if (firstId !== undefined) id = `${firstId}${pascalCase(group)}`;
		if (usedIds.has(id)) throw new Error(`duplicate endpoint id ${id} for ${pair}`);
		usedIds.add(id);
		if (firstId === undefined) firstIdByPair.set(pair, id);

		const content = parseEndpointContent(lines, block.methodIndex + 1, block.contentEnd + 1);
		const endpoint = buildEndpoint({
			id,
			group,
			tag,
			summary: lines[block.summaryIndex].trim(),
			method,
			endpointPath,
			content,
			definitions,
			definitionNames,
			definitionExamples,
			line: block.methodIndex + 1,
		});
		if (firstId !== undefined) endpoint.duplicateOf = firstId;
		endpoints.push(endpoint);
	});

	return { source: SOURCE_NAME, baseUrl: BASE_URL, endpoints, definitions, scopes };
}

// ---------------------------------------------------------------------------------------------
// Scopes and headings

function parseScopes(lines) {
	const start = lines.indexOf('scopes');
	if (start < 0) throw new Error('the reference has no scopes list');
	const scopes = [];
	let index = nextNonBlank(lines, start + 1);
	let scopesEnd = index;
	// The list alternates `name` and a one-line description; the first group heading ends it.
	while (index < lines.length && SCOPE_NAME_LINE.test(lines[index])) {
		scopes.push(lines[index]);
		const descriptionIndex = nextNonBlank(lines, index + 1);
		scopesEnd = descriptionIndex + 1;
		index = nextNonBlank(lines, scopesEnd);
	}
	return { scopes, scopesEnd };
}

function readHeadings(lines, block, nextBlock) {
	let index = block.headingStart;
	let label;
	// Quirk: in the Vat, Pdf, 2fa, Jwt and Dpd tags every endpoint repeats the tag name on the line
	// right after the previous endpoint's closing brace (no blank line); it is a label, not a heading.
	if (index < block.summaryIndex && lines[index].trim() !== '') {
		label = lines[index].trim();
		index++;
	}
	const paragraphs = splitParagraphs(lines.slice(index, block.summaryIndex));
	// A tag description (only "Profile" has one) is a multi-line paragraph; headings are single lines.
	const headings = paragraphs.filter((paragraph) => paragraph.length === 1).map((paragraph) => paragraph[0]);
	const nextLabel = nextBlock && lines[nextBlock.headingStart].trim() !== '' ? lines[nextBlock.headingStart].trim() : undefined;
	// The first endpoint of such a labelled tag prints "Name" twice ("Vat", "Vat"); read the second as
	// the label when the next endpoint carries the same label, otherwise (the "Usage" group) it is a
	// group heading followed by an equally named tag heading.
	if (
		label === undefined &&
		headings.length >= 2 &&
		headings[headings.length - 1] === headings[headings.length - 2] &&
		nextLabel === headings[headings.length - 1]
	) {
		label = headings.pop();
	}
	if (headings.length > 2) throw new Error(`line ${block.headingStart + 1}: unexpected headings ${headings.join(', ')}`);
	if (headings.length === 2) return { group: headings[0], tag: headings[1], label };
	if (headings.length === 1) return { tag: headings[0], label };
	return { label };
}

// ---------------------------------------------------------------------------------------------
// One endpoint: raw sections in the reference's order

function parseEndpointContent(lines, start, end) {
	const isParameterStart = (index) =>
		index + 1 < end && PROPERTY_LINE.test(lines[index]) && PARAMETER_LOCATION_LINE.test(lines[index + 1]);
	const isSectionStart = (index) =>
		isParameterStart(index) ||
		STATUS_LINE.test(lines[index]) ||
		lines[index] === 'Request Example' ||
		lines[index].startsWith('Request Content-Types:') ||
		lines[index].startsWith('Response Content-Types:') ||
		RESPONSE_EXAMPLE_LINE.test(lines[index]) ||
		RESPONSE_HEADERS_LINE.test(lines[index]);

	const content = {
		leading: [],
		parameters: [],
		requestExample: undefined,
		statuses: [],
		looseParagraphs: [],
		responseContentTypes: [],
		responseExamples: new Map(),
		responseHeaders: new Map(),
	};

	let index = start;
	while (index < end && !isSectionStart(index)) content.leading.push(lines[index++]);

	while (index < end) {
		const line = lines[index];
		if (line.trim() === '') {
			index++;
		} else if (isParameterStart(index)) {
			const [, name, typeSpec] = PROPERTY_LINE.exec(line);
			const location = PARAMETER_LOCATION_LINE.exec(lines[index + 1])[1];
			index += 2;
			const description = [];
			index = nextNonBlank(lines, index);
			// A parameter owns one description paragraph; a further paragraph is the unlabelled 200 response.
			while (index < end && lines[index].trim() !== '' && !isSectionStart(index)) description.push(lines[index++].trim());
			content.parameters.push({ name, location, typeSpec, description: description.join(' ') });
		} else if (STATUS_LINE.test(line)) {
			const [, code] = STATUS_LINE.exec(line);
			index = nextNonBlank(lines, index + 1);
			const description = [];
			while (index < end && lines[index].trim() !== '' && !isSectionStart(index) && lines[index] !== 'type') {
				description.push(lines[index++].trim());
			}
			let schemaType;
			index = nextNonBlank(lines, index);
			if (lines[index] === 'type') {
				index++;
				schemaType = '';
				if (lines[index].trim() !== '' && !isSectionStart(index)) schemaType = lines[index++].trim();
			}
			content.statuses.push({ code: Number(code), description: description.join(' '), schemaType });
		} else if (line === 'Request Example') {
			const json = readJson(lines, index + 1);
			content.requestExample = json.value;
			index = json.next;
		} else if (line.startsWith('Request Content-Types:')) {
			index++;
		} else if (line.startsWith('Response Content-Types:')) {
			content.responseContentTypes = line
				.slice('Response Content-Types:'.length)
				.split(',')
				.map((type) => type.trim())
				.filter(Boolean);
			index++;
		} else if (RESPONSE_EXAMPLE_LINE.test(line)) {
			const code = Number(RESPONSE_EXAMPLE_LINE.exec(line)[1]);
			const json = readJson(lines, index + 1);
			content.responseExamples.set(code, json.value);
			index = json.next;
		} else if (RESPONSE_HEADERS_LINE.test(line)) {
			const code = Number(RESPONSE_HEADERS_LINE.exec(line)[1]);
			const cells = [];
			index++;
			while (index < end && !isSectionStart(index)) {
				if (lines[index].trim() !== '') cells.push(lines[index].trim());
				index++;
			}
			if (cells.length % 3 !== 0) throw new Error(`line ${index}: response headers are not name/description/type triples`);
			const headers = [];
			for (let cell = 0; cell < cells.length; cell += 3) {
				headers.push({ name: cells[cell].toLowerCase(), description: cleanDescription(cells[cell + 1]), type: cells[cell + 2] });
			}
			content.responseHeaders.set(code, headers);
		} else {
			const paragraph = [];
			while (index < end && lines[index].trim() !== '' && !isSectionStart(index)) paragraph.push(lines[index++].trim());
			content.looseParagraphs.push(paragraph.join(' '));
		}
	}

	content.leadingParagraphs = splitParagraphs(content.leading);
	return content;
}

// ---------------------------------------------------------------------------------------------
// One endpoint: the spec entry

function buildEndpoint({ id, group, tag, summary, method, endpointPath, content, definitions, definitionNames, definitionExamples, line }) {
	const isSchemaParagraph = (paragraph) => isPropertyLine(paragraph[0], definitionNames) || isBareTypeLine(paragraph[0], definitionNames);

	let description = '';
	const schemaLines = [];
	const otherParagraphs = [];
	content.leadingParagraphs.forEach((paragraph, position) => {
		if (isSchemaParagraph(paragraph) || (schemaLines.length > 0 && content.requestExample !== undefined)) {
			// Property descriptions sit in their own paragraphs between the property lines.
			if (schemaLines.length > 0) schemaLines.push('');
			schemaLines.push(...paragraph);
		} else if (position === 0) {
			description = paragraph.join('\n').trim();
		} else {
			otherParagraphs.push(paragraph.join(' '));
		}
	});
	if (EMPTY_DESCRIPTIONS.has(description)) description = '';
	// Without a body, a second leading paragraph is the success response's description whose
	// "200 OK" label the reference dropped; with a body it is the body parameter's description.
	const unlabelledResponseDescriptions = content.requestExample === undefined ? otherParagraphs : [];
	unlabelledResponseDescriptions.push(...content.looseParagraphs);
	if (unlabelledResponseDescriptions.length > 1) {
		throw new Error(`line ${line}: more than one unlabelled paragraph: ${unlabelledResponseDescriptions.join(' | ')}`);
	}
	if (schemaLines.length > 0 && content.requestExample === undefined) {
		throw new Error(`line ${line}: body schema without a Request Example`);
	}

	const parameters = content.parameters.map((parameter) => buildParameter(parameter, definitionNames));
	const body =
		content.requestExample === undefined
			? null
			: buildBody(endpointPath, content.requestExample, schemaLines, definitions, definitionExamples, definitionNames);
	const response = buildResponse(`${method} ${endpointPath}`, content, unlabelledResponseDescriptions.length === 1, parameters, body);

	return {
		id,
		group,
		tag,
		summary,
		description,
		method,
		path: endpointPath,
		parameters,
		body,
		response,
	};
}

function buildParameter(parameter, definitionNames) {
	const type = parseTypeSpec(parameter.typeSpec, definitionNames);
	if (!type) throw new Error(`unreadable parameter type "${parameter.typeSpec}" for ${parameter.name}`);
	// The reference marks no parameter as required or optional. Path parameters are required by
	// definition; the only formData field (the upload's `file`) is what the request exists for, so
	// an integrator expects it to be required too. Everything else stays optional.
	const required = parameter.location === 'path' || parameter.location === 'formData';
	return withTypeDetails({ name: parameter.name, in: parameter.location }, type, { required, description: cleanDescription(parameter.description) });
}

function buildBody(endpointPath, example, schemaLines, definitions, definitionExamples, definitionNames) {
	const servicePrefix = pascalCase(endpointPath.split('/')[1] || '');
	const kind = Array.isArray(example) ? 'array' : 'object';
	const sample = kind === 'array' ? example[0] : example;
	const sampleKeys = isPlainObject(sample) ? Object.keys(sample) : undefined;
	const inline = parsePropertyLines(schemaLines, sampleKeys, definitionNames);

	let schema = null;
	if (inline.rootItem && inline.rootItem.ref) {
		schema = inline.rootItem.ref;
	} else if (inline.properties.length === 0 && isPlainObject(sample)) {
		// A referenced object schema is not named in the body block; identify it by its example.
		// Many definitions share one example (the *Search wrappers), so a tie goes to the
		// definitions prefixed with the path's service (`/rel/...` -> `Rel...`), else stays unnamed.
		let matches = definitionExamples.filter((candidate) => deepEqual(candidate.example, sample)).map((candidate) => candidate.name);
		if (matches.length > 1) matches = matches.filter((name) => name.startsWith(servicePrefix));
		if (matches.length === 1) schema = matches[0];
	}

	let fields;
	if (schema !== null && definitions[schema]) {
		fields = Object.entries(definitions[schema].properties).map(([name, property]) => fieldFromProperty(name, property, definitions[schema].required));
	} else if (sampleKeys) {
		const describedByName = new Map(inline.properties.map((property) => [property.name, property]));
		fields = sampleKeys.map((name) => {
			const described = describedByName.get(name);
			if (described) return fieldFromProperty(name, described, []);
			return fieldFromProperty(name, inferProperty(sample[name]), []);
		});
	} else {
		fields = [];
	}
	const result = { kind };
	if (kind === 'array') result.items = inline.rootItem ? inline.rootItem.type : inferProperty(sample).type;
	result.example = example;
	result.schema = schema;
	result.fields = fields;
	return result;
}

function fieldFromProperty(name, property, requiredNames) {
	const field = { name, type: property.type };
	if (property.items !== undefined) field.items = property.items;
	if (property.ref !== undefined) field.ref = property.ref;
	if (property.format !== undefined) field.format = property.format;
	field.required = requiredNames.includes(name);
	if (property.enum !== undefined) field.enum = property.enum;
	if (property.default !== undefined) field.default = property.default;
	if (property.description !== undefined) field.description = property.description;
	return field;
}

function buildResponse(pair, content, hasUnlabelledDescription, parameters, body) {
	const labelledCodes = content.statuses.map((status) => status.code);
	const successCodes = uniqueSorted(
		[...labelledCodes, ...content.responseExamples.keys(), ...content.responseHeaders.keys()].filter((code) => code >= 200 && code < 300),
	);
	// Quirk: 178 endpoints print the success response without its "200 OK" label; the
	// unlabelled description paragraph stands for a 200.
	if (hasUnlabelledDescription && !labelledCodes.some((code) => code >= 200 && code < 300) && !successCodes.includes(200)) {
		successCodes.unshift(200);
	}
	const successCode = successCodes[0];

	const headers = [];
	let headerContentType;
	for (const code of successCodes) {
		for (const header of content.responseHeaders.get(code) || []) {
			if (!headers.includes(header.name)) headers.push(header.name);
			if (header.name === 'content-type') headerContentType = header.description;
		}
	}

	const example = content.responseExamples.get(successCode);
	const status = content.statuses.find((candidate) => candidate.code === successCode);
	const declaredTypes = content.responseContentTypes;
	const declaresBinary = declaredTypes.length > 0 && !declaredTypes.some(isJsonContentType);

	let kind;
	let contentType;
	if (declaresBinary || (status && status.schemaType === 'file') || example === 'file' || (headerContentType && !isJsonContentType(headerContentType))) {
		kind = 'binary';
		contentType = declaresBinary ? declaredTypes[0] : headerContentType;
	} else if (Array.isArray(example)) {
		kind = 'json-list';
	} else if (example !== undefined) {
		kind = 'json-object';
	} else if (DESCRIBED_BINARY_RESPONSES.has(pair)) {
		kind = 'binary';
	} else {
		// 204s, and 200/202 task starters that only return headers (x-task-id).
		kind = 'empty';
	}
	if (kind === 'json-list' || kind === 'json-object') contentType = declaredTypes[0] || 'application/json';

	const result = { kind };
	if (successCode !== undefined) result.status = successCode;
	if (contentType !== undefined) result.contentType = contentType;
	result.headers = headers;
	result.paging = pagingStyle(kind, parameters, body, example);
	return result;
}

function pagingStyle(kind, parameters, body, example) {
	if (kind !== 'json-list' && kind !== 'json-object') return null;
	const requestFieldNames = new Set(parameters.filter((parameter) => parameter.in !== 'header').map((parameter) => parameter.name));
	if (body) for (const field of body.fields) requestFieldNames.add(field.name);
	// Body paging is named first: /cnt/search also declares the x-page headers, but its body
	// carries the cursor pair the reference describes (page_cursor in, next_page_cursor out).
	if (requestFieldNames.has('page_cursor') || containsKey(example, 'next_page_cursor')) return 'body-cursor';
	// Header paging needs a list and a way to send the page back (the x-page request header);
	// several single-object responses also print an x-page response header, which pages nothing.
	// It comes before offset paging: POST /iam/logging/logs takes limit/offset in its body, yet
	// answers a list with "a cursored header with the next page, and offset in it".
	const acceptsPageHeader = parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'x-page');
	if (kind === 'json-list' && acceptsPageHeader) return 'header-cursor';
	if (requestFieldNames.has('offset') && requestFieldNames.has('limit')) return 'offset';
	return null;
}

// ---------------------------------------------------------------------------------------------
// Definitions

// The definitions follow one another as `Name: object|array`, the property lines, then `Example`
// and its JSON; reading them in sequence keeps a property such as `config: object` (printed after
// a blank line) from passing for a new definition.
function readRawDefinitions(lines, start) {
	const raw = [];
	let index = nextNonBlank(lines, start);
	while (index < lines.length) {
		const header = DEFINITION_HEADER_LINE.exec(lines[index]);
		if (!header) throw new Error(`line ${index + 1}: expected a schema definition heading`);
		const bodyLines = [];
		index++;
		while (index < lines.length && lines[index] !== 'Example') bodyLines.push(lines[index++]);
		if (index >= lines.length) throw new Error(`definition ${header[1]} has no Example`);
		const json = readJson(lines, index + 1);
		// Quirk: a few headings print no type (`IamValidationRequest:`); the example's shape gives it.
		const type = header[2] || (Array.isArray(json.value) ? 'array' : 'object');
		raw.push({ name: header[1], type, bodyLines, example: json.value });
		index = nextNonBlank(lines, json.next);
	}
	return raw;
}

function parseDefinitions(rawDefinitions) {
	const names = new Set(rawDefinitions.map((raw) => raw.name));
	const definitions = {};
	for (const { name, type, bodyLines, example } of rawDefinitions) {
		if (definitions[name]) throw new Error(`definition ${name} is printed twice`);
		const sample = type === 'array' && Array.isArray(example) ? example[0] : example;
		const parsed = parsePropertyLines(bodyLines, isPlainObject(sample) ? Object.keys(sample) : undefined, names);
		// Quirk: 39 definitions (the *Search and *Settings wrappers among them) print no property
		// lines, only their Example; their properties come from the example's top-level keys.
		if (parsed.properties.length === 0 && isPlainObject(sample)) {
			for (const key of Object.keys(sample)) parsed.properties.push({ name: key, ...inferProperty(sample[key]) });
		}
		const definition = { type };
		if (type === 'array' && parsed.rootItem) {
			definition.items = parsed.rootItem.type;
			if (parsed.rootItem.ref) definition.ref = parsed.rootItem.ref;
		}
		// The rendered definitions carry no required markers, so every list is empty.
		definition.required = [];
		definition.properties = {};
		for (const property of parsed.properties) {
			const { name: propertyName, ...details } = property;
			definition.properties[propertyName] = details;
		}
		definitions[name] = definition;
	}
	return definitions;
}

// Reads a rendered schema: `name: type` lines, an item-type line right under an array property,
// and description paragraphs. Nested object properties are printed flat after their parent, so
// the example's top-level keys (same order as the properties) decide which lines are top level.
function parsePropertyLines(lines, topLevelKeys, definitionNames) {
	const properties = [];
	let rootItem;
	let nextKeyIndex = 0;
	let previous; // { property, topLevel } of the line just above, when it was a property line
	let lastProperty; // same, for the most recent property line
	let afterBlank = true;
	for (const rawLine of lines) {
		const line = rawLine.trim();
		if (line === '') {
			afterBlank = true;
			previous = undefined;
			continue;
		}
		const propertyMatch = PROPERTY_LINE.exec(line);
		const propertyType = propertyMatch ? parseTypeSpec(propertyMatch[2], definitionNames) : undefined;
		if (propertyType) {
			const name = propertyMatch[1];
			let topLevel = true;
			if (topLevelKeys) {
				const keyIndex = topLevelKeys.indexOf(name, nextKeyIndex);
				topLevel = keyIndex >= 0;
				if (topLevel) nextKeyIndex = keyIndex + 1;
			}
			const property = withTypeDetails({ name }, propertyType, {});
			if (topLevel) properties.push(property);
			previous = { property, topLevel };
			lastProperty = previous;
		} else if (!afterBlank && previous && isBareTypeLine(line, definitionNames)) {
			applyItemLine(previous.property, parseTypeSpec(line, definitionNames));
			previous = undefined;
		} else if (afterBlank && !rootItem && properties.length === 0 && isBareTypeLine(line, definitionNames)) {
			// An array schema prints its item type first (`string`, `object`, or a definition name).
			const item = parseTypeSpec(line, definitionNames);
			rootItem = item.ref ? { type: 'object', ref: item.ref } : { type: item.type };
		} else if (lastProperty && lastProperty.topLevel) {
			const property = lastProperty.property;
			const text = cleanDescription(line);
			if (text) property.description = property.description ? `${property.description} ${text}` : text;
		}
		afterBlank = false;
	}
	return { properties, rootItem };
}

// `tags: string[]` followed by `string (uuid)`, or `lines: Ref` followed by `Ref` (an array of Ref).
function applyItemLine(property, item) {
	if (property.type === 'array') {
		if (item.ref) {
			property.items = 'object';
			property.ref = item.ref;
		} else {
			property.items = item.type;
			if (item.format !== undefined) property.itemFormat = item.format;
		}
		if (item.enum !== undefined) property.enum = item.enum;
	} else if (property.ref !== undefined && item.ref === property.ref) {
		property.type = 'array';
		property.items = 'object';
	}
	reorderProperty(property);
}

function reorderProperty(property) {
	const order = ['name', 'in', 'type', 'items', 'itemFormat', 'ref', 'format', 'required', 'enum', 'default', 'description'];
	const entries = Object.entries(property);
	for (const key of Object.keys(property)) delete property[key];
	for (const key of order) {
		const entry = entries.find(([candidate]) => candidate === key);
		if (entry) property[key] = entry[1];
	}
}

// ---------------------------------------------------------------------------------------------
// Types

function parseTypeSpec(spec, definitionNames) {
	const match = TYPE_SPEC.exec(spec.trim());
	if (!match) return undefined;
	const [, base, arraySuffix, format, tail] = match;
	let type;
	let ref;
	if (PRIMITIVE_TYPES.has(base)) type = base;
	else if (definitionNames.has(base)) {
		type = 'object';
		ref = base;
	} else return undefined;
	const result = {};
	if (arraySuffix) {
		result.type = 'array';
		result.items = type;
		if (ref) result.ref = ref;
	} else {
		result.type = type;
		if (ref) result.ref = ref;
	}
	if (format !== undefined) result.format = format;
	if (tail !== undefined) {
		const valueType = arraySuffix ? type : result.type;
		const { enumValues, defaultValue } = splitEnumAndDefault(tail);
		if (enumValues) result.enum = enumValues.map((value) => coerce(value, valueType));
		if (defaultValue !== undefined) result.default = coerce(defaultValue, valueType);
	}
	return result;
}

// The reference prints `[enum, values] [default]` after the type: enum values are comma separated and
// the default follows the last one after a space. A single bare value has no comma, so it cannot
// be told apart from a one-value enum; it is read as a default (as `x-page: integer 1` clearly is).
function splitEnumAndDefault(tail) {
	const parts = tail.split(', ');
	if (parts.length === 1) return { enumValues: undefined, defaultValue: tail };
	const last = parts[parts.length - 1];
	const space = last.indexOf(' ');
	if (space < 0) return { enumValues: parts, defaultValue: undefined };
	return { enumValues: [...parts.slice(0, -1), last.slice(0, space)], defaultValue: last.slice(space + 1) };
}

function coerce(value, type) {
	if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
	if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

function withTypeDetails(target, type, extra) {
	target.type = type.type;
	if (type.items !== undefined) target.items = type.items;
	if (type.ref !== undefined) target.ref = type.ref;
	if (type.format !== undefined) target.format = type.format;
	if (extra.required !== undefined) target.required = extra.required;
	if (type.enum !== undefined) target.enum = type.enum;
	if (type.default !== undefined) target.default = type.default;
	if (extra.description !== undefined) target.description = extra.description;
	return target;
}

// Example values are mostly type placeholders ("integer", "string (date-time)",
// "#/definitions/Name"); anything else is a literal sample value.
function inferProperty(value) {
	if (Array.isArray(value)) {
		const item = value.length > 0 ? inferProperty(value[0]) : { type: 'string' };
		const property = { type: 'array', items: item.type };
		if (item.ref !== undefined) property.ref = item.ref;
		return property;
	}
	if (isPlainObject(value)) return { type: 'object' };
	if (typeof value === 'boolean') return { type: 'boolean' };
	if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
	if (typeof value === 'string') {
		const reference = /^#\/definitions\/(\w+)$/.exec(value);
		if (reference) return { type: 'object', ref: reference[1] };
		const placeholder = /^(string|integer|number|boolean|object|file)(?: \(([^)]+)\))?$/.exec(value);
		if (placeholder) return placeholder[2] === undefined ? { type: placeholder[1] } : { type: placeholder[1], format: placeholder[2] };
	}
	return { type: 'string' };
}

function isPropertyLine(line, definitionNames) {
	const match = PROPERTY_LINE.exec(line.trim());
	return Boolean(match && parseTypeSpec(match[2], definitionNames));
}

function isBareTypeLine(line, definitionNames) {
	const trimmed = line.trim();
	if (definitionNames.has(trimmed)) return true;
	const match = TYPE_SPEC.exec(trimmed);
	return Boolean(match && PRIMITIVE_TYPES.has(match[1]));
}

function isJsonContentType(contentType) {
	return /json/i.test(contentType);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function readJson(lines, start) {
	const first = lines[start];
	let end = start;
	if (first === '{' || first === '[') {
		const closing = first === '{' ? '}' : ']';
		while (end < lines.length && lines[end] !== closing) end++;
	}
	const text = lines.slice(start, end + 1).join('\n');
	try {
		return { value: JSON.parse(text), next: end + 1 };
	} catch (error) {
		throw new Error(`line ${start + 1}: example is not JSON (${error.message})`);
	}
}

function splitParagraphs(lines) {
	const paragraphs = [];
	let current = [];
	for (const line of lines) {
		if (line.trim() === '') {
			if (current.length > 0) paragraphs.push(current);
			current = [];
		} else current.push(line.trim());
	}
	if (current.length > 0) paragraphs.push(current);
	return paragraphs;
}

function previousNonBlank(lines, index) {
	while (index >= 0 && lines[index].trim() === '') index--;
	return index;
}

function nextNonBlank(lines, index) {
	while (index < lines.length && lines[index].trim() === '') index++;
	return index;
}

function lastClosingJsonLine(lines, before) {
	let index = before - 1;
	while (index >= 0 && !CLOSING_JSON_LINE.test(lines[index])) index--;
	return index;
}

function cleanDescription(text) {
	const trimmed = (text || '').trim();
	return EMPTY_DESCRIPTIONS.has(trimmed) ? '' : trimmed;
}

function operationId(method, endpointPath) {
	const segments = endpointPath
		.split('/')
		.filter(Boolean)
		.map((segment) => {
			const parameter = /^\{(.+)\}$/.exec(segment);
			return parameter ? `By${pascalCase(parameter[1])}` : pascalCase(segment);
		});
	return method.toLowerCase() + segments.join('');
}

function pascalCase(text) {
	return text
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join('');
}

function uniqueSorted(numbers) {
	return [...new Set(numbers)].sort((a, b) => a - b);
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function containsKey(value, key) {
	if (Array.isArray(value)) return value.some((item) => containsKey(item, key));
	if (!isPlainObject(value)) return false;
	return Object.keys(value).some((candidate) => candidate === key || containsKey(value[candidate], key));
}

function deepEqual(left, right) {
	return JSON.stringify(left) === JSON.stringify(right);
}

const USAGE = `usage: npm run spec:extract -- <path to the Afosto API reference text>
Reads the Afosto API reference (plain text) and writes spec/afosto.json.
`;

function main() {
	const referencePath = process.argv[2];
	if (!referencePath) {
		process.stderr.write(USAGE);
		process.exitCode = 2;
		return;
	}
	const spec = extractAfostoSpec(fs.readFileSync(path.resolve(referencePath), 'utf8'));
	fs.mkdirSync(path.dirname(OUTPUT_PATH), { recursive: true });
	fs.writeFileSync(OUTPUT_PATH, `${JSON.stringify(spec, null, 2)}\n`);
	process.stdout.write(`wrote ${path.relative(process.cwd(), OUTPUT_PATH)}: ${spec.endpoints.length} endpoints, ${Object.keys(spec.definitions).length} definitions, ${spec.scopes.length} scopes\n`);
}

if (require.main === module) main();

module.exports = { extractAfostoSpec };
