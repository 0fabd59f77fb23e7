import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { ReminderRules } from '../reminders/reminder-rules';
import { hashPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { VisitsService } from '../visits/visits.service';
import { seedDemoCasework } from './demo-casework';
import { seedDemoReferrals } from './demo-referrals';

/** Demo accounts: never created in production (config refuses it), shown in the README as demo-only. */
export const DEMO_PASSWORD = 'Beacon-demo-2026';
export const DEMO_USERS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'admin@example.org', displayName: 'Alex Morgan', roles: ['ADMIN'] },
  { email: 'manager@example.org', displayName: 'Priya Shah', roles: ['MANAGER'] },
  { email: 'advocate@example.org', displayName: 'Sam Taylor', roles: ['ADVOCATE'] },
  { email: 'advocate2@example.org', displayName: 'Jordan Reid', roles: ['ADVOCATE'] },
];

/**
 * The demo manager and admin need two-step verification like any manager or admin, but get 30
 * days to set it up, so a first look at the demo is not held up by an authenticator app.
 */
export const DEMO_MFA_GRACE_DAYS = 30;

/** Seeds the demo accounts and referrals into an empty database, in one transaction; answers whether it did. */
export async function seedDemoData(dataSource: DataSource, app: INestApplicationContext): Promise<boolean> {
  const users = app.get(UsersService);
  const audit = app.get(AuditService);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM users')) as {
      count: number;
    }[];
    if (count > 0) return false;
    const system = { actorId: null, ip: null, requestId: null };
    const ids: Record<string, string> = {};
    for (const demo of DEMO_USERS) {
      const user = await users.insertUser(manager, {
        ...demo,
        passwordHash,
        mfaEnrolBy: new Date(Date.now() + DEMO_MFA_GRACE_DAYS * 86_400_000),
      });
      ids[demo.email] = user.id;
      await audit.record(manager, system, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { email: user.email, roles: user.roles, source: 'demo-seed' },
      });
    }
    const demo = {
      manager: ids['manager@example.org'],
      sam: ids['advocate@example.org'],
      jordan: ids['advocate2@example.org'],
    };
    await seedDemoReferrals(manager, audit, demo);
    await seedDemoCasework(manager, audit, app.get(VisitsService), demo);
    return true;
  });
  // The demo advocates see their reminders at once, not after the next hourly run.
  if (seeded) await app.get(ReminderRules).refresh();
  return seeded;
}
