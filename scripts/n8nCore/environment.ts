import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's InstanceSettings writes its config under N8N_USER_FOLDER on first use; every test
// file gets its own throwaway folder inside the run's folder (removed by globalTeardown).
process.env.N8N_USER_FOLDER = mkdtempSync(join(process.env.TELCO_TEST_RUN_FOLDER ?? tmpdir(), 'n8n-user-'));
process.env.N8N_LOG_LEVEL = 'silent';
