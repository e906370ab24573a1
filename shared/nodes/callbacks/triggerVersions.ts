/**
 * The versions of the package's trigger nodes; new nodes get the newest.
 * - 2 behaves as 1. It exists for n8n 2.x, which treats a webhook start node of version 1 as its
 *   legacy Webhook node v1: for every request it evaluates an expression
 *   (`$parameter["options"]["binaryData"]`) in an expression isolate, which slowed callbacks down
 *   against n8n's own Webhook node. From version 2 on, n8n evaluates nothing per request.
 */
export const TRIGGER_VERSIONS = [1, 2];

/**
 * The MasStack and Bolttech Triggers, whose partners sign nothing, have a version 3 that is secure
 * by default: Authentication starts at Callback Secret, so a new trigger refuses to activate until
 * it has a secret, instead of starting a run for anyone who learns its URL. Workflows saved with 1
 * or 2 keep Authentication: None unless they chose otherwise.
 */
export const SECURE_BY_DEFAULT_VERSION = 3;

export const CALLBACK_SECRET_TRIGGER_VERSIONS = [...TRIGGER_VERSIONS, SECURE_BY_DEFAULT_VERSION];
