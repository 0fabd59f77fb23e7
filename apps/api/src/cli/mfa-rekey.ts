/* The second half of rotating MFA_ENCRYPTION_KEY (docs/runbook.md):
 *   MFA_ENCRYPTION_KEY=<new> MFA_ENCRYPTION_KEY_PREVIOUS=<old> npm run mfa:rekey
 * re-seals every two-step secret under the new key. Afterwards MFA_ENCRYPTION_KEY_PREVIOUS can
 * be removed. Exits 1 when some secret opens with neither key (an admin resets those accounts). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AuditService } from '../audit/audit.service';
import { mfaKeys } from '../auth/mfa/mfa.service';
import { rekeyMfaSecrets } from '../auth/mfa/rekey';
import { loadConfig } from '../config/config';

async function main() {
  const config = { ...loadConfig(), seedDemoData: false, jobs: { enabled: false } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const result = await rekeyMfaSecrets(app.get(DataSource), app.get(AuditService), mfaKeys(config));
    console.log(
      `two-step secrets: ${result.resealed} re-sealed under the current key, ${result.current} already under it, ${result.unreadable.length} unreadable`,
    );
    if (result.unreadable.length) {
      console.error(
        `opens with neither key (reset two-step verification for these users): ${result.unreadable.join(', ')}`,
      );
      process.exitCode = 1;
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
