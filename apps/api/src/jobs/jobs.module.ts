import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { RemindersModule } from '../reminders/reminders.module';
import { JobHandlers } from './job-handlers';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** Background jobs on pg-boss (ADR 0013, docs/jobs.md). JobsService.status() is for metrics too. */
@Module({
  imports: [AuditModule, DataProtectionModule, RemindersModule],
  controllers: [JobsController],
  providers: [JobsService, JobHandlers],
  exports: [JobsService],
})
export class JobsModule {}
