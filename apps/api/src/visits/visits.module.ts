import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [AuditModule],
  controllers: [VisitsController, CalendarController],
  providers: [VisitsService, CalendarService],
  exports: [VisitsService],
})
export class VisitsModule {}
