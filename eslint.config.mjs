import { globalIgnores } from 'eslint/config';
import { config } from '@n8n/node-cli/eslint';

// The n8n community-node rules govern what ships (nodes/, credentials/, package.json).
// Tests, benchmarks and tooling run only on developer machines and in CI: they may use Node's
// own modules, timers and process, which those rules forbid in node code.
export default [globalIgnores(['.build/**', 'test/**', 'bench/**', 'scripts/**', 'sandbox/**', 'jest.config.js', 'gulpfile.js']), ...config];
