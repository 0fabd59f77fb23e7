import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { londonDate } from '@beacon/domain';
import { Allow } from '../auth/access.decorators';
import { EligibilityCheckInput, EligibilityDto } from './dto/eligibility.dto';
import { decideEligibility } from './decide-eligibility';

@ApiTags('eligibility')
@Controller('eligibility')
export class EligibilityController {
  @Post('check')
  @HttpCode(200)
  @Allow('eligibility.check')
  @ApiOperation({
    summary: 'Whether these facts make someone eligible for a service today (no side effects)',
    description:
      'The same rule referral intake applies. A fact the rule needs and lacks answers 400 naming it.',
  })
  @ApiOkResponse({ type: EligibilityDto })
  @ApiBadRequestResponse({ description: 'A needed fact is missing or a fact is invalid; each is named' })
  check(@Body() input: EligibilityCheckInput): EligibilityDto {
    return decideEligibility(input.serviceType, input.facts, londonDate());
  }
}
