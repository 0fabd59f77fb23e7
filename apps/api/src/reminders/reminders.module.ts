import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { VisitsModule } from '../visits/visits.module';
import { ReminderRules } from './reminder-rules';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** Reminders to advocates: the rules (run by the reminders job) and the advocate's own list. */
@Module({
  imports: [AuditModule, VisitsModule],
  controllers: [RemindersController],
  providers: [RemindersService, ReminderRules],
  exports: [ReminderRules],
})
export class RemindersModule {}
