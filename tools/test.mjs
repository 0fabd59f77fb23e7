#!/usr/bin/env node
// `npm test`: every check and every test, in order of cost. Runs them all even when one fails,
// prints a summary, and ends with the totals alone on the last line: `N passed, N failed`.
// Each static check (format, lint, types, api-client, migrations, deployment files, bundle size) counts as
// one; jest suites count their tests, and a suite that could not run counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './embedded-db.mjs';

const resultsDir = path.join(projectRoot, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR,
};
const nx = ['npx', 'nx'];

const checks = [
  { name: 'format', command: ['npx', 'prettier', '--check', '.', '--log-level', 'warn'] },
  { name: 'lint', command: [...nx, 'run-many', '-t', 'lint', '--output-style=static'] },
  { name: 'types', command: [...nx, 'run-many', '-t', 'typecheck', '--output-style=static'] },
  { name: 'api-client is current', command: ['node', 'tools/api-client.mjs', '--check'] },
  { name: 'migrations match entities', command: ['npm', 'run', '--silent', 'migration:check'] },
  // Compose (DCLint schema + rules, and docker-compose config -q where installed), Dockerfiles, nginx.
  { name: 'deployment files', command: ['node', 'tools/check-deploy.mjs'] },
  {
    name: 'bundle size',
    command: [
      'sh',
      '-c',
      'npx nx run web:build --output-style=static >/dev/null && node tools/bundle-size.mjs',
    ],
  },
];
const suites = [
  { name: 'unit', config: 'jest.config.js' },
  { name: 'integration', config: 'apps/api/jest.integration.config.js' },
  { name: 'e2e', config: 'apps/web-e2e/jest.config.js' },
];

function run(command) {
  const started = Date.now();
  const result = spawnSync(command[0], command.slice(1), { cwd: projectRoot, stdio: 'inherit', env });
  return { ok: result.status === 0, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

const summary = [];
let passed = 0;
let failed = 0;

for (const check of checks) {
  console.log(`\n━━ ${check.name}`);
  const { ok, seconds } = run(check.command);
  summary.push({ step: check.name, result: ok ? 'ok' : 'FAILED', seconds });
  if (ok) passed += 1;
  else failed += 1;
}

for (const suite of suites) {
  console.log(`\n━━ ${suite.name} tests`);
  const outputFile = path.join(resultsDir, `${suite.name}.json`);
  if (!existsSync(path.join(projectRoot, suite.config))) {
    summary.push({ step: `${suite.name} tests`, result: `FAILED: ${suite.config} is missing`, seconds: 0 });
    failed += 1;
    continue;
  }
  const { ok, seconds } = run([
    'npx',
    'jest',
    '-c',
    suite.config,
    '--ci',
    '--json',
    `--outputFile=${outputFile}`,
  ]);
  let report = null;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    report = null;
  }
  if (!report) {
    summary.push({ step: `${suite.name} tests`, result: 'FAILED: jest did not report', seconds });
    failed += 1;
    continue;
  }
  const unexplained = !ok && report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0 ? 1 : 0;
  const suiteFailures = report.numFailedTests + report.numRuntimeErrorTestSuites + unexplained;
  passed += report.numPassedTests;
  failed += suiteFailures;
  summary.push({
    step: `${suite.name} tests`,
    result: `${report.numPassedTests} passed, ${suiteFailures} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`,
    seconds,
  });
}

console.log('\n━━ summary');
for (const row of summary) console.log(`  ${row.step.padEnd(28)} ${row.result.padEnd(36)} ${row.seconds}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
