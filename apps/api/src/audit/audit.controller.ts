import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context';
import { Allow } from '../auth/access.decorators';
import { AuditService } from './audit.service';
import { AuditFilter, AuditPageDto, AuditQuery, AuditVerifyDto } from './dto/audit.dto';

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

  @Get('export.csv')
  @Allow('audit.export')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="beacon-audit.csv"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The filtered audit trail as CSV, oldest first (at most 100,000 rows; audited)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  exportCsv(@Ctx() ctx: RequestContext, @Query() query: AuditFilter): Promise<string> {
    return this.audit.exportCsv(ctx, query);
  }

  @Get('verify')
  @Allow('audit.verify')
  @ApiOperation({ summary: 'Recompute the hash chain and report the first row that does not fit' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }
}
