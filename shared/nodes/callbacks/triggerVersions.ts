/**
 * The versions of the package's trigger nodes; new nodes get the newest. Version 2 behaves exactly
 * as version 1. It exists for n8n 2.x, which treats a webhook start node of version 1 as its legacy
 * Webhook node v1: for every request it evaluates an expression
 * (`$parameter["options"]["binaryData"]`) in an expression isolate, which slowed callbacks down
 * against n8n's own Webhook node. From version 2 on, n8n parses the JSON, text, form and XML bodies
 * the partners send and evaluates nothing.
 */
export const TRIGGER_VERSIONS = [1, 2];
