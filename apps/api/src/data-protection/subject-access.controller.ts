import { Controller, Get, Header } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CaseContentRead } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { SubjectAccessExportDto } from './subject-access.dto';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('data protection')
@Controller('clients')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':id/export')
  @Allow('clients.export')
  @CaseContentRead()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Subject access export: everything held about a person, as JSON (admins; audited)',
  })
  @ApiOkResponse({
    type: SubjectAccessExportDto,
    description:
      'The client, their referrals with history, notes (all versions), meetings, records access, signposting and authorisations',
  })
  @ApiNotFoundResponse()
  export(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<SubjectAccessExportDto> {
    return this.subjectAccess.export(ctx, id);
  }
}
