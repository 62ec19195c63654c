/** GET /api/funds/:fundId/dashboard (docs/projects-api.md, "Program dashboard"). Money in integer cents. */

export interface MoneyGroup {
  /** region, institution type or sector code; `unspecified` for an award without a sector */
  key: string;
  committedCents: number;
  disbursedCents: number;
  awards: number;
}

export interface OverdueItem {
  kind: 'milestone' | 'report';
  id: string;
  title: string;
  /** agreement_signed, micro_credential_launched, enrolment_open, final_report, other; interim, final */
  itemKind: string;
  dueOn: string;
  daysOverdue: number;
}

export interface AtRiskProject {
  projectId: string;
  title: string;
  trackingNumber: string | null;
  status: string;
  institutionId: string;
  institutionName: string;
  awardCents: number;
  disbursedCents: number;
  /** the first day it was overdue */
  overdueSince: string;
  daysOverdue: number;
  nextDueOn: string | null;
  overdue: OverdueItem[];
}

export interface EnrolmentMonth {
  /** YYYY-MM */
  month: string;
  launched: number;
  enrolled: number;
}

export interface FundDashboard {
  fundId: string;
  fundCode: string;
  fundNameEn: string;
  fundNameFr: string;
  /** today in Toronto by the server's clock */
  today: string;
  asOf: string;
  ledger: { envelopeCents: number; committedCents: number; disbursedCents: number };
  totals: {
    awards: number;
    projects: number;
    committedCents: number;
    disbursedCents: number;
    remainingCents: number;
    atRiskProjects: number;
  };
  atRisk: AtRiskProject[];
  byRegion: MoneyGroup[];
  byInstitutionType: MoneyGroup[];
  bySector: MoneyGroup[];
  microCredentials: {
    target: number;
    planned: number;
    launched: number;
    osapApproved: number;
    enrolled: number;
    expectedEnrolment: number;
  };
  enrolmentsByMonth: EnrolmentMonth[];
}
