import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { AdvocateListDto } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller('advocates')
export class AdvocatesController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @Allow('advocates.list')
  @ApiOperation({ summary: 'Active advocates with their open caseload, for allocation (managers)' })
  @ApiOkResponse({ type: AdvocateListDto })
  list(): Promise<AdvocateListDto> {
    return this.referrals.advocates();
  }
}
