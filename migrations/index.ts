// Every migration, in order. `npm run migration:generate -- Name` adds to this list.
import { ActivityMinutes1795990000000 } from './1795990000000-ActivityMinutes';
import { Reports1795981314545 } from './1795981314545-Reports';
import { RemindersAndJobRuns1795981210732 } from './1795981210732-RemindersAndJobRuns';
import { PgBoss1795981200000 } from './1795981200000-PgBoss';
import { AuditAppend1795980818480 } from './1795980818480-AuditAppend';
import { TriageIndexes1795975500039 } from './1795975500039-TriageIndexes';
import { TemporaryPasswords1795972850632 } from './1795972850632-TemporaryPasswords';
import { AppRole1795971951490 } from './1795971951490-AppRole';
import { Mfa1795971560323 } from './1795971560323-Mfa';
import { Retention1795607851488 } from './1795607851488-Retention';
import { AuditSearch1795606331289 } from './1795606331289-AuditSearch';
import { IdempotencyKeys1795605251336 } from './1795605251336-IdempotencyKeys';
import { Casework1795604315980 } from './1795604315980-Casework';
import { Referrals1795602859538 } from './1795602859538-Referrals';
import { Foundation1795599026994 } from './1795599026994-Foundation';
export const MIGRATIONS = [
  Foundation1795599026994,
  Referrals1795602859538,
  Casework1795604315980,
  IdempotencyKeys1795605251336,
  AuditSearch1795606331289,
  Retention1795607851488,
  Mfa1795971560323,
  AppRole1795971951490,
  TemporaryPasswords1795972850632,
  TriageIndexes1795975500039,
  AuditAppend1795980818480,
  PgBoss1795981200000,
  RemindersAndJobRuns1795981210732,
  Reports1795981314545,
  ActivityMinutes1795990000000,
];
