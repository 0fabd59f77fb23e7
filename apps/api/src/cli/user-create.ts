/* Bootstraps a real deployment's first accounts:
 *   npm run user:create -- --email someone@example.org --role ADMIN [--role MANAGER] [--name "Full Name"]
 * Prints a one-time random password unless --password-stdin is given (then reads one line from stdin). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { ROLES, isRole, type Role } from '@beacon/domain';
import { passwordPolicyProblems } from '../users/password-policy';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AuditService } from '../audit/audit.service';
import { loadConfig } from '../config/config';
import { runMigrations } from '../database/data-source';
import { hashPassword } from '../users/password-hasher';
import { UsersService, normaliseEmail, temporaryPasswordEnd } from '../users/users.service';
import { withOwner } from '../bootstrap';

function parseArgs(argv: string[]) {
  const roles: Role[] = [];
  let email = '';
  let name = '';
  let passwordStdin = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--email') email = argv[++i] ?? '';
    else if (arg === '--name') name = argv[++i] ?? '';
    else if (arg === '--role') {
      const role = (argv[++i] ?? '').toUpperCase();
      if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      roles.push(role);
    } else if (arg === '--password-stdin') passwordStdin = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('--email with a valid address is required');
  if (!roles.length) throw new Error('at least one --role is required');
  return { email: normaliseEmail(email), name: name || email.split('@')[0], roles, passwordStdin };
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const password = args.passwordStdin ? await readStdinLine() : randomBytes(18).toString('base64url');
  const problems = passwordPolicyProblems(password, { email: args.email });
  if (problems.length) throw new Error(`password ${problems.join('; ')}`);

  const config = { ...loadConfig(), seedDemoData: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    await withOwner(config, dataSource, runMigrations);
    const users = app.get(UsersService);
    const audit = app.get(AuditService);
    const passwordHash = await hashPassword(password);
    await dataSource.transaction(async (manager) => {
      const exists = await manager.query('SELECT 1 FROM users WHERE email = $1', [args.email]);
      if (exists.length) throw new Error(`an account with ${args.email} already exists`);
      const user = await users.insertUser(manager, {
        email: args.email,
        displayName: args.name,
        roles: args.roles,
        passwordHash,
        // A printed one-time password must be replaced at first sign-in; a chosen one need not.
        temporaryPasswordUntil: args.passwordStdin ? null : temporaryPasswordEnd(),
      });
      await audit.record(
        manager,
        { actorId: null, ip: null, requestId: null },
        {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          details: { email: user.email, roles: user.roles, source: 'cli' },
        },
      );
    });
    console.log(`created ${args.email} with roles ${args.roles.join(', ')}`);
    if (!args.passwordStdin)
      console.log(
        `one-time password (shown once; it signs in for 72 hours and must be replaced at the first sign-in): ${password}`,
      );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`user:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
