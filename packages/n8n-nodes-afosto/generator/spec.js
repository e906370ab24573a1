// @ts-check
// Reading the spec: the shape of spec/afosto.json (written by extractSpec.js from the Afosto API
// reference) as the generator's modules use it, where it lives, and the questions about an
// endpoint that several of them ask.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The n8n-nodes-afosto package: the generated files are written into its nodes/ and credentials/. */
const ROOT = join(__dirname, '..');
const SPEC_PATH = join(ROOT, 'spec', 'afosto.json');

/**
 * @typedef {string | number | boolean} Scalar
 *
 * @typedef {object} Parameter A path, query, header or form parameter of an endpoint.
 * @property {string} name The wire name.
 * @property {'path' | 'query' | 'header' | 'formData'} in
 * @property {string} type
 * @property {string} [items] The type of an array's items.
 * @property {string} [ref]
 * @property {string} [format]
 * @property {boolean} required
 * @property {Scalar[]} [enum]
 * @property {Scalar} [default]
 * @property {string} description
 *
 * @typedef {object} BodyField A field of a request body's schema.
 * @property {string} name
 * @property {string} type
 * @property {string} [items]
 * @property {string} [ref]
 * @property {string} [format]
 * @property {boolean} required
 * @property {Scalar[]} [enum]
 * @property {Scalar} [default]
 * @property {string} [description]
 *
 * @typedef {object} Body
 * @property {'object' | 'array'} kind
 * @property {string} [items] The type of an array body's items.
 * @property {unknown} example The reference's Request Example.
 * @property {string | null} schema The reference's name of the body's definition.
 * @property {BodyField[]} fields
 *
 * @typedef {object} Response
 * @property {'json-object' | 'json-list' | 'binary' | 'empty'} kind
 * @property {number} [status]
 * @property {string} [contentType]
 * @property {string[]} headers
 * @property {'header-cursor' | 'body-cursor' | 'offset' | null} paging
 *
 * @typedef {object} Endpoint
 * @property {string} id Unique, from the method and path: the operation's value and file name.
 * @property {string} group The reference's top heading (an Afosto service group).
 * @property {string} tag The reference's tag: a resource.
 * @property {string} summary
 * @property {string} description
 * @property {string} method
 * @property {string} path
 * @property {Parameter[]} parameters
 * @property {Body | null} body
 * @property {Response} response
 * @property {string} [duplicateOf] Set when the reference prints the endpoint twice.
 *
 * @typedef {object} Spec
 * @property {string} source
 * @property {string} baseUrl
 * @property {Endpoint[]} endpoints
 * @property {Record<string, unknown>} definitions
 * @property {string[]} scopes
 */

/** The committed spec. @returns {Spec} */
const readSpec = () => JSON.parse(readFileSync(SPEC_PATH, 'utf8'));

/**
 * Operations that take a file (the Afosto API reference's multipart upload) run as the node's custom operation.
 * @param {Endpoint} endpoint
 */
const isFileUpload = (endpoint) => endpoint.parameters.some((parameter) => parameter.in === 'formData' && parameter.type === 'file');

module.exports = { ROOT, SPEC_PATH, readSpec, isFileUpload };
