import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's InstanceSettings writes its config under N8N_USER_FOLDER on first use;
// every test file gets its own throwaway folder so runs never touch ~/.n8n.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-telco-test-'));
process.env.N8N_LOG_LEVEL = 'silent';
