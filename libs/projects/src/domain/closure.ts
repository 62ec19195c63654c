import type { MilestoneStatus, ReportStatus, TrancheStatus } from './status-machines';

/** What still keeps a project from closing: a milestone not accepted, a report not accepted, money not paid. */
export function closeProblems(p: {
  milestones: { title: string; status: MilestoneStatus }[];
  reports: { title: string; status: ReportStatus }[];
  tranches: { position: number; status: TrancheStatus }[];
}): string[] {
  return [
    ...p.milestones.filter((m) => m.status !== 'accepted').map((m) => `milestone “${m.title}” is ${m.status}`),
    ...p.reports.filter((r) => r.status !== 'accepted').map((r) => `report “${r.title}” is ${r.status.replace('_', ' ')}`),
    ...p.tranches.filter((t) => t.status !== 'released').map((t) => `tranche ${t.position + 1} is not released`),
  ];
}
