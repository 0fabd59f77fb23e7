import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

@Module({
  imports: [AuditModule],
  controllers: [SubjectAccessController, RetentionController],
  providers: [SubjectAccessService, RetentionService],
  exports: [RetentionService],
})
export class DataProtectionModule {}
