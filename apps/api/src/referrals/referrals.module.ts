import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthorisationsModule } from '../authorisations/authorisations.module';
import { ClientsModule } from '../clients/clients.module';
import { SignpostingModule } from '../signposting/signposting.module';
import { AdvocatesController } from './advocates.controller';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [AuditModule, ClientsModule, AuthorisationsModule, SignpostingModule],
  controllers: [ReferralsController, AdvocatesController],
  providers: [ReferralsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
