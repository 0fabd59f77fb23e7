import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { AuthorisationEntity } from '../authorisations/entities/authorisation.entity';
import { ClientEntity } from '../clients/entities/client.entity';
import { ReferenceCounterEntity } from '../referrals/entities/reference-counter.entity';
import { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import { SignpostingServiceEntity } from '../signposting/entities/signposting-service.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every entity, listed once: the app, the migration tools and the tests use this list. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  AuditEventEntity,
  ClientEntity,
  ReferralEntity,
  ReferralEventEntity,
  ReferenceCounterEntity,
  AuthorisationEntity,
  SignpostingServiceEntity,
  ReferralSignpostEntity,
];
