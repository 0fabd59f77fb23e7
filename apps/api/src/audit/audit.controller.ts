import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQuery, AuditVerifyDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('audit.list')
  @ApiOperation({ summary: 'Audit events, newest first (keyset pages)' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.list(query);
  }

  @Get('verify')
  @Allow('audit.verify')
  @ApiOperation({ summary: 'Recompute the hash chain and report the first row that does not fit' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }
}
