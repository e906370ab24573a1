// @ts-check
// The hand-written helpers the generated code calls (nodes/Afosto/shared/*.ts), by the module that
// exports each: a path below nodes/Afosto, or a package. A new helper that an operation uses
// (operation.js) is a row here.

/** @type {Record<string, string>} */
const HELPER_MODULES = {
	afostoBody: 'shared/body',
	afostoPath: 'shared/pathParameters',
	pathParameter: 'shared/pathParameters',
	afostoResource: 'shared/operations',
	AfostoOperation: 'shared/operations',
	LIST_PAGING: 'shared/listPaging',
	followPageCursor: 'shared/listPaging',
	sendPageSize: 'shared/listPaging',
	bodyPagingFields: 'shared/searchPaging',
	followBodyCursor: 'shared/searchPaging',
	followBodyOffset: 'shared/searchPaging',
	additionalFields: 'shared/query',
	sendCheckedQuery: 'shared/query',
	sendIdempotencyKey: 'shared/idempotency',
	backgroundTaskField: 'shared/tasks',
	waitForAfostoTask: 'shared/tasks',
	uploadFileFields: 'shared/uploadFile',
	outputDeletedWhenEmpty: 'shared/responses',
	SIMPLIFY: 'shared/simplify',
	followPageCursorSimplified: 'shared/simplify',
	outputSimplified: 'shared/simplify',
	simplifyOrder: 'shared/simplify',
	simplifyContact: 'shared/simplify',
	OUTPUT_FILE_FIELD: 'shared/responses',
	FieldSpecs: 'shared/fieldTypes',
	INodeProperties: 'n8n-workflow',
};
/** The modules above that are packages, not files below nodes/Afosto. */
const PACKAGES = new Set(['n8n-workflow']);
/** The names above that are types, imported with `import type`. */
const TYPE_ONLY = new Set(['AfostoOperation', 'FieldSpecs', 'INodeProperties']);

module.exports = { HELPER_MODULES, PACKAGES, TYPE_ONLY };
