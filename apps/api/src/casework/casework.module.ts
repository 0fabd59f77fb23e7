import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { CaseworkController } from './casework.controller';
import { CaseworkService } from './casework.service';

@Module({
  imports: [AuditModule, ReferralsModule],
  controllers: [CaseworkController],
  providers: [CaseworkService],
})
export class CaseworkModule {}
