import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { AuthorisationsController } from './authorisations.controller';
import { AuthorisationsService } from './authorisations.service';

@Module({
  imports: [AuditModule, ClientsModule],
  controllers: [AuthorisationsController],
  providers: [AuthorisationsService],
  exports: [AuthorisationsService],
})
export class AuthorisationsModule {}
