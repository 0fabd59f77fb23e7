import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

@Module({ imports: [AuditModule], controllers: [SubjectAccessController], providers: [SubjectAccessService] })
export class DataProtectionModule {}
