#!/usr/bin/env node
// The deployment files, checked without a Docker engine (part of `npm test`):
//   - docker-compose.yml: DCLint (the Compose Specification's JSON schema, then its lint rules),
//     `docker-compose config -q` when docker-compose is installed (CI installs it: .ci/run), and
//     this project's own rules (replicas, probes, secrets documented in .env.example);
//   - docker/*.Dockerfile: dockerfile-utils (the Docker language service's validator) and
//     hadolint-style rules written here (hadolint itself is not packaged for Debian or npm);
//   - docker/nginx.conf and .dockerignore: the settings the runbook relies on.
// The rules first prove themselves on samples that break them. Prints each problem; exits 1 on any.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from './embedded-db.mjs';

const read = (file) => readFileSync(path.join(projectRoot, file), 'utf8');

// ---------------------------------------------------------------------------------------------
// Dockerfiles

/** Instructions with continuation lines joined and comments dropped: { line, keyword, args }. */
export function parseDockerfile(text) {
  const instructions = [];
  let pending = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!pending && (/^\s*#/.test(line) || !line.trim())) return;
    if (pending && /^\s*#/.test(line)) return; // comments inside a continued instruction
    const body = line.endsWith('\\') ? line.slice(0, -1) : line;
    if (pending) pending.text += ` ${body.trim()}`;
    else pending = { line: index + 1, text: body.trim() };
    if (!line.endsWith('\\')) {
      const [, keyword, args = ''] = /^(\S+)\s*(.*)$/.exec(pending.text);
      instructions.push({ line: pending.line, keyword: keyword.toUpperCase(), args });
      pending = null;
    }
  });
  return instructions;
}

/** hadolint-style rules (the ids are hadolint's where it has one). Answers problems as strings. */
export function lintDockerfile(text) {
  const problems = [];
  const report = (line, rule, message) => problems.push(`line ${line}: ${rule} ${message}`);
  const instructions = parseDockerfile(text);
  const args = new Map();
  const stages = [];
  for (const ins of instructions) {
    if (ins.keyword === 'ARG' && !stages.length) {
      const [name, value] = ins.args.split('=');
      args.set(name.trim(), value?.trim());
    }
    if (ins.keyword === 'FROM') {
      const [, image, alias] = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(ins.args) ?? [];
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_, name) => args.get(name) ?? '');
      const earlier = stages.some((s) => s.alias && s.alias === resolved);
      if (!earlier && resolved !== 'scratch') {
        const tag = resolved.includes('@') ? 'digest' : resolved.split('/').pop().split(':')[1];
        if (!tag) report(ins.line, 'DL3006', `pin the image's version: FROM ${resolved}`);
        else if (tag === 'latest') report(ins.line, 'DL3007', `"latest" is not a version: FROM ${resolved}`);
      }
      stages.push({ line: ins.line, alias: alias?.toLowerCase(), instructions: [] });
      continue;
    }
    if (!stages.length) {
      if (ins.keyword !== 'ARG') report(ins.line, 'DL3061', `${ins.keyword} before the first FROM`);
      continue;
    }
    stages.at(-1).instructions.push(ins);
    if (ins.keyword === 'MAINTAINER') report(ins.line, 'DL4000', 'MAINTAINER is deprecated: use a LABEL');
    if (ins.keyword === 'ADD' && !/^(--\S+\s+)*(https?:|git@)/.test(ins.args))
      report(ins.line, 'DL3020', 'use COPY, not ADD, for files and folders');
    if (ins.keyword === 'WORKDIR' && !/^["']?(\/|\$)/.test(ins.args))
      report(ins.line, 'DL3000', `use an absolute WORKDIR: ${ins.args}`);
    if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && !ins.args.startsWith('['))
      report(ins.line, 'DL3025', `${ins.keyword} in JSON form, so signals reach the process`);
    if (ins.keyword === 'COPY') {
      const from = /--from=(\S+)/.exec(ins.args)?.[1]?.toLowerCase();
      if (
        from &&
        !/^\d+$/.test(from) &&
        !stages.slice(0, -1).some((s) => s.alias === from) &&
        !from.includes(':')
      )
        report(ins.line, 'DL3022', `COPY --from=${from} names no earlier stage`);
    }
    if (ins.keyword === 'RUN') {
      if (/(^|[;&|]\s*)sudo\s/.test(ins.args)) report(ins.line, 'DL3004', 'do not use sudo');
      if (/apt-get\s+(-\S+\s+)*install/.test(ins.args)) {
        if (!/--no-install-recommends/.test(ins.args))
          report(ins.line, 'DL3015', 'apt-get install --no-install-recommends');
        if (!/rm -rf \/var\/lib\/apt\/lists/.test(ins.args))
          report(ins.line, 'DL3009', 'remove /var/lib/apt/lists in the same RUN');
      }
      if (/apt-get\s+upgrade|apt-get\s+dist-upgrade/.test(ins.args))
        report(ins.line, 'DL3005', 'no apt-get upgrade in an image');
      if (/\bnpm\s+install\b/.test(ins.args) && !/\bnpm\s+install\s+(-g\s+)?"?[\w@/.-]+@/.test(ins.args))
        report(ins.line, 'DL3016', 'npm ci, or pin what npm install installs (name@version)');
      if (/\bcurl\b[^|]*\|\s*(ba)?sh\b|\bwget\b[^|]*\|\s*(ba)?sh\b/.test(ins.args))
        report(ins.line, 'DL4006', 'do not pipe a download into a shell');
    }
    if (
      (ins.keyword === 'ENV' || ins.keyword === 'ARG') &&
      /(SECRET|PASSWORD|TOKEN|PRIVATE_KEY)/i.test(ins.args)
    )
      report(
        ins.line,
        'SecretsUsedInArgOrEnv',
        'a secret in ARG or ENV stays in the image: pass it at run time',
      );
  }
  if (stages.length < 2)
    report(1, 'multi-stage', 'build in one stage and run in another, so tools stay out of the image');
  const final = stages.at(-1);
  if (final) {
    const users = final.instructions.filter((i) => i.keyword === 'USER');
    const last = users.at(-1);
    if (!last) report(final.line, 'DL3002', 'the final stage sets no USER: it would run as root');
    else if (/^(root|0)(:|$)/.test(last.args.trim()))
      report(last.line, 'DL3002', 'the final stage ends as root: switch to an unprivileged USER');
    if (!final.instructions.some((i) => i.keyword === 'HEALTHCHECK'))
      report(final.line, 'healthcheck', 'the final stage has no HEALTHCHECK');
    for (const keyword of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']) {
      const found = final.instructions.filter((i) => i.keyword === keyword);
      if (found.length > 1) report(found[1].line, 'DL4003', `more than one ${keyword}: only the last counts`);
    }
  }
  return problems;
}

/** dockerfile-utils's diagnostics (unknown instructions, bad flags, deprecated syntax) as strings. */
function languageServiceProblems(text) {
  return validateDockerfile(text).map(
    (d) => `line ${d.range.start.line + 1}: ${d.severity === 1 ? 'error' : 'warning'} ${d.message}`,
  );
}

// ---------------------------------------------------------------------------------------------
// docker-compose.yml

const DCLINT_OFF = {
  // migrate and api share one image, built once and tagged beacon-api:local (the Compose spec allows both).
  'no-build-and-image': true,
  // The web port is "${WEB_PORT}", which may itself name an interface (127.0.0.1:8080); DCLint cannot see through it.
  'no-unbound-port-interfaces': true,
  // docker-compose v1 (Debian's package, used by CI) rejects the top-level "name".
  'require-project-name-field': true,
  // Services are in the order they start; keys in the order a reader needs them.
  'services-alphabetical-order': true,
  'service-keys-order': true,
};

/** This project's own rules on the parsed compose file and .env.example. */
export function lintCompose(composeText, envExample) {
  const problems = [];
  const compose = parseYaml(composeText);
  const services = compose?.services ?? {};
  const api = services.api;
  if (!api) problems.push('no api service');
  else {
    if (!(api.deploy?.replicas >= 2)) problems.push('api: deploy.replicas must be at least 2');
    if (api.container_name) problems.push('api: no container_name (replicas need their own names)');
    if (api.ports) problems.push('api: no host ports (replicas would clash; nginx reaches them)');
    if (!JSON.stringify(api.healthcheck?.test ?? '').includes('/api/health/ready'))
      problems.push('api: the healthcheck must ask /api/health/ready');
    if (api.environment?.RUN_MIGRATIONS !== 'false')
      problems.push('api: RUN_MIGRATIONS must be false (the migrate service migrates as the owner)');
    const grace = /^(\d+)s$/.exec(String(api.stop_grace_period ?? ''))?.[1];
    const limit = /SHUTDOWN_TIMEOUT_SECONDS:-(\d+)/.exec(
      String(api.environment?.SHUTDOWN_TIMEOUT_SECONDS),
    )?.[1];
    if (!grace || !limit || Number(grace) <= Number(limit))
      problems.push(
        'api: stop_grace_period must be longer than SHUTDOWN_TIMEOUT_SECONDS, so the API exits before SIGKILL',
      );
  }
  if (!services.migrate) problems.push('no one-shot migrate service');
  else if (services.migrate.restart !== 'no') problems.push('migrate: restart must be "no" (it runs once)');
  if (api && !services.migrate) problems.push('api must wait for migrate');
  else if (api?.depends_on?.migrate?.condition !== 'service_completed_successfully')
    problems.push('api: depends_on migrate with condition service_completed_successfully');
  for (const [name, service] of Object.entries(services)) {
    if (name !== 'migrate' && !service.healthcheck) problems.push(`${name}: no healthcheck`);
    if (name !== 'web' && service.ports) problems.push(`${name}: only web publishes a port`);
    if (!(service.security_opt ?? []).includes('no-new-privileges:true'))
      problems.push(`${name}: security_opt no-new-privileges:true`);
    if (service.build && !/^docker\/[\w.-]+\.Dockerfile$/.test(service.build.dockerfile ?? ''))
      problems.push(`${name}: build from a docker/*.Dockerfile`);
  }
  const postgres = services.postgres;
  if (!postgres?.volumes?.some((v) => String(v).startsWith('pgdata:')))
    problems.push('postgres: keep its data in the pgdata volume');
  // Every variable compose reads is documented in .env.example; required ones are empty there.
  const documented = new Map(
    envExample
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  for (const [, name, op] of composeText.matchAll(/\$\{([A-Z0-9_]+)(:?[?-])?/g)) {
    if (!documented.has(name)) problems.push(`\${${name}} is not documented in .env.example`);
    else if (op === ':?' && documented.get(name) !== '')
      problems.push(
        `${name} is required: leave it empty in .env.example so nobody runs with an example secret`,
      );
  }
  return problems;
}

function runDclint() {
  const bin = path.join(projectRoot, 'node_modules', '.bin', 'dclint');
  const disabled = Object.keys(DCLINT_OFF).flatMap((rule) => ['--disable-rule', rule]);
  const result = spawnSync(
    bin,
    ['docker-compose.yml', '--max-warnings', '0', '--color', 'false', ...disabled],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  if (result.error) return [`dclint did not run: ${result.error.message}`];
  return result.status === 0 ? [] : [(result.stdout + result.stderr).trim()];
}

/** `docker-compose config -q` with placeholder secrets, and the example's empty secrets refused. */
function runDockerCompose() {
  const found = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
  if (found.error) {
    if (process.env.CI)
      return { ran: false, problems: ['docker-compose is not installed (.ci/run installs it)'] };
    return { ran: false, problems: [] };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'beacon-compose-'));
  try {
    const envFile = path.join(dir, 'env');
    writeFileSync(
      envFile,
      read('.env.example').replace(/^([A-Z0-9_]+)=$/gm, '$1=ci-placeholder-0123456789abcdef0123456789abcdef'),
    );
    const problems = [];
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (read('.env.example').includes(`\n${name}=`)) delete env[name];
    const filled = spawnSync('docker-compose', ['--env-file', envFile, 'config', '-q'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env,
    });
    if (filled.status !== 0) problems.push(`docker-compose config -q failed:\n${filled.stderr.trim()}`);
    const empty = spawnSync('docker-compose', ['--env-file', '.env.example', 'config', '-q'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env,
    });
    if (empty.status === 0) problems.push('docker-compose accepts the empty secrets of .env.example');
    return { ran: true, version: found.stdout.trim(), problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// nginx and .dockerignore

export function lintNginx(conf) {
  const problems = [];
  const need = (pattern, why) => {
    if (!pattern.test(conf)) problems.push(`docker/nginx.conf: ${why}`);
  };
  need(
    /location ~\* \^\/api\/metrics\(\/\.\*\)\?\$ \{[^}]*return 404/,
    'refuse /api/metrics (any case, trailing slash) with 404',
  );
  need(/resolver 127\.0\.0\.11 valid=\d+s/, "re-resolve the api replicas through Docker's DNS");
  need(/server api:3000 resolve;/, 'an upstream that follows every api replica (server api:3000 resolve)');
  need(/location \/api\/ \{[^}]*proxy_pass http:\/\/beacon_api;/, 'proxy /api/ to the upstream');
  need(
    /location \/assets\/ \{[^}]*max-age=31536000, immutable/,
    'hashed assets cached for a year, immutable',
  );
  need(/location = \/index\.html \{[^}]*Cache-Control "no-cache"/, 'index.html revalidated (no-cache)');
  need(/^\s*gzip on;/m, 'gzip on');
  need(/location \/api\/ \{[^}]*gzip off;/, 'no compression of API answers (BREACH)');
  if (/location[^{]*\/api\/metrics[^{]*\{[^}]*proxy_pass/.test(conf))
    problems.push('docker/nginx.conf: /api/metrics must never be proxied');
  return problems;
}

export function lintDockerignore(text) {
  const lines = new Set(text.split('\n').map((l) => l.trim()));
  return ['**/node_modules', '.git', '**/.env', 'dist', '.data', 'backups']
    .filter((entry) => !lines.has(entry))
    .map((entry) => `.dockerignore: exclude ${entry}`);
}

// ---------------------------------------------------------------------------------------------
// The rules catch what they are for (so a broken rule cannot pass everything).

function selfTest() {
  const failures = [];
  const expect = (what, problems, pattern) => {
    if (!problems.some((p) => pattern.test(p)))
      failures.push(`self-test: ${what} was not caught (${problems.join('; ') || 'no problems'})`);
  };
  const bad = [
    'FROM node AS build',
    'MAINTAINER someone',
    'WORKDIR app',
    'ADD . /app',
    'RUN apt-get update && apt-get install -y curl',
    'RUN npm install',
    'ENV API_TOKEN=abc',
    'FROM node:latest',
    'COPY --from=bulid /app /app',
    'CMD node main.js',
  ].join('\n');
  const problems = lintDockerfile(bad);
  for (const rule of [
    'DL3006',
    'DL3007',
    'DL4000',
    'DL3000',
    'DL3020',
    'DL3015',
    'DL3009',
    'DL3016',
    'SecretsUsedInArgOrEnv',
    'DL3022',
    'DL3025',
    'DL3002',
    'healthcheck',
  ])
    expect(rule, problems, new RegExp(`: ${rule} `));
  expect(
    'a root final stage',
    lintDockerfile('FROM a:1 AS b\nFROM c:1\nUSER root\nHEALTHCHECK CMD ["x"]\nCMD ["y"]'),
    /DL3002/,
  );
  expect(
    'a single stage',
    lintDockerfile('FROM a:1\nUSER node\nHEALTHCHECK CMD ["x"]\nCMD ["y"]'),
    /multi-stage/,
  );
  expect('an unknown instruction', languageServiceProblems('FROM a:1\nFROMX b\n'), /Unknown instruction/);

  const compose = `services:\n  api:\n    image: x:1\n    container_name: api\n    ports: ['3000:3000']\n    environment:\n      JWT_SECRET: \${JWT_SECRET:?set it}\n      OTHER: \${UNDOCUMENTED:-x}\n`;
  const composeProblems = lintCompose(compose, 'JWT_SECRET=example\n');
  expect('api without replicas', composeProblems, /replicas/);
  expect('api container_name', composeProblems, /container_name/);
  expect('api host port', composeProblems, /no host ports/);
  expect('api healthcheck', composeProblems, /health\/ready/);
  expect('an undocumented variable', composeProblems, /UNDOCUMENTED.*not documented/);
  expect('a filled-in required secret', composeProblems, /JWT_SECRET is required/);
  expect(
    'nginx proxying metrics',
    lintNginx('location /api/metrics { proxy_pass http://beacon_api; }'),
    /never be proxied/,
  );
  expect('a .dockerignore without backups', lintDockerignore('.git\n'), /backups/);
  return failures;
}

// ---------------------------------------------------------------------------------------------

const sections = [];
const section = (name, problems) => sections.push({ name, problems });

section('rules catch their samples', selfTest());
const dockerfiles = readdirSync(path.join(projectRoot, 'docker')).filter((f) => f.endsWith('.Dockerfile'));
if (!dockerfiles.length) section('Dockerfiles', ['no docker/*.Dockerfile']);
for (const file of dockerfiles) {
  const text = read(`docker/${file}`);
  section(`docker/${file} (dockerfile-utils)`, languageServiceProblems(text));
  section(`docker/${file} (rules)`, lintDockerfile(text));
}
section('docker-compose.yml (DCLint: Compose Specification schema and lint rules)', runDclint());
section('docker-compose.yml (rules)', lintCompose(read('docker-compose.yml'), read('.env.example')));
const compose = runDockerCompose();
section(
  compose.ran
    ? `docker-compose.yml (docker-compose ${compose.version} config -q)`
    : 'docker-compose.yml (docker-compose)',
  compose.problems,
);
section('docker/nginx.conf', lintNginx(read('docker/nginx.conf')));
section('.dockerignore', lintDockerignore(read('.dockerignore')));

let failed = 0;
for (const { name, problems } of sections) {
  console.log(`${problems.length ? '✗' : '✓'} ${name}`);
  for (const problem of problems) console.log(`    ${problem.replace(/\n/g, '\n    ')}`);
  failed += problems.length;
}
if (!compose.ran)
  console.log(
    "  (docker-compose is not installed here: the schema check above is DCLint's; CI also runs docker-compose config -q)",
  );
process.exit(failed ? 1 : 0);
