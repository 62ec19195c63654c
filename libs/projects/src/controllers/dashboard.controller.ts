import { Roles } from '@cf/platform';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DashboardService } from '../dashboard.service';
import { FundDashboardDto } from '../dto/dashboard.dto';

/** The program officers' dashboard of a fund (issue 6): staff read it; applicants and reviewers get 403. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('funds/:fundId/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: FundDashboardDto })
  get(@Param('fundId', ParseUUIDPipe) fundId: string): Promise<FundDashboardDto> {
    return this.dashboard.forFund(fundId);
  }
}
