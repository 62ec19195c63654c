import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, ProjectStatus } from '../domain/status-machines';

/** The fund's ledger as the awards keep it (committed: confirmed awards; disbursed: payments). */
export class DashboardLedgerDto {
  @ApiProperty() envelopeCents: number;
  @ApiProperty() committedCents: number;
  @ApiProperty() disbursedCents: number;
}

export class DashboardTotalsDto {
  @ApiProperty({ description: 'Confirmed awards (full or partial) of the fund' }) awards: number;
  @ApiProperty({ description: 'Their projects, cancelled ones excluded' }) projects: number;
  @ApiProperty({ description: 'Sum of the confirmed awards: equals the ledger' }) committedCents: number;
  @ApiProperty({ description: 'Sum of the payments: equals the ledger' }) disbursedCents: number;
  @ApiProperty() remainingCents: number;
  @ApiProperty() atRiskProjects: number;
}

export class MoneyGroupDto {
  @ApiProperty({ description: 'The region, institution type or sector code (`unspecified`: an award without sector)' })
  key: string;
  @ApiProperty() committedCents: number;
  @ApiProperty() disbursedCents: number;
  @ApiProperty({ description: 'Awards counted in the group (an award with several sectors counts in each)' })
  awards: number;
}

export class OverdueItemDto {
  @ApiProperty({ enum: ['milestone', 'report'] }) kind: 'milestone' | 'report';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The milestone kind (agreement_signed, …) or report kind (interim, final)' }) itemKind: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty() daysOverdue: number;
}

export class AtRiskProjectDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) status: ProjectStatus;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() awardCents: number;
  @ApiProperty() disbursedCents: number;
  @ApiProperty({ format: 'date', description: 'The first day it was overdue: the day after its earliest missed due date' })
  overdueSince: string;
  @ApiProperty({ description: 'Days past the earliest missed due date' }) daysOverdue: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The next due date not passed yet' })
  nextDueOn: string | null;
  @ApiProperty({ type: [OverdueItemDto], description: 'Oldest first' }) overdue: OverdueItemDto[];
}

export class DashboardMicroCredentialsDto {
  @ApiProperty({ description: "The fund's target of new micro-credentials (funds.target_credentials)" }) target: number;
  @ApiProperty({ description: 'Funded: every micro-credential of the running and closed projects' }) planned: number;
  @ApiProperty({ description: 'Launched on or before today in Toronto' }) launched: number;
  @ApiProperty({ description: 'Launched and approved for OSAP' }) osapApproved: number;
  @ApiProperty({ description: 'Learners enrolled in the launched ones (current figures)' }) enrolled: number;
  @ApiProperty({ description: 'Enrolment expected by the proposals, for all the funded ones' }) expectedEnrolment: number;
}

export class EnrolmentMonthDto {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty({ description: 'Micro-credentials launched by the end of the month' }) launched: number;
  @ApiProperty({ description: 'Learners enrolled in them (current figures, counted from the launch month)' }) enrolled: number;
}

export class FundDashboardDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty() fundNameEn: string;
  @ApiProperty() fundNameFr: string;
  @ApiProperty({ format: 'date', description: "Today in Toronto by the server's clock: what overdue is measured against" })
  today: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: DashboardLedgerDto }) ledger: DashboardLedgerDto;
  @ApiProperty({ type: DashboardTotalsDto }) totals: DashboardTotalsDto;
  @ApiProperty({ type: [AtRiskProjectDto], description: 'Most days overdue first' }) atRisk: AtRiskProjectDto[];
  @ApiProperty({ type: [MoneyGroupDto], description: "By the lead institution's region" }) byRegion: MoneyGroupDto[];
  @ApiProperty({ type: [MoneyGroupDto] }) byInstitutionType: MoneyGroupDto[];
  @ApiProperty({ type: [MoneyGroupDto], description: 'An award with several sectors is split evenly among them' })
  bySector: MoneyGroupDto[];
  @ApiProperty({ type: DashboardMicroCredentialsDto }) microCredentials: DashboardMicroCredentialsDto;
  @ApiProperty({ type: [EnrolmentMonthDto], description: 'From the month of the earliest project start to this month' })
  enrolmentsByMonth: EnrolmentMonthDto[];
}
