import { AuthUser, formatZoned, ListQuery, TORONTO } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { once } from 'node:events';
import { ProposalFilter, ProposalsService } from './proposals.service';

/** Exact dollars from integer cents, no floating point: 123456 -> "1234.56". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const COLUMNS = [
  'tracking_number',
  'title',
  'fund',
  'institution',
  'status',
  'sectors',
  'regions_served',
  'micro_credentials',
  'requested_cad',
  'partner_contribution_cad',
  'submitted_version',
  'last_submitted_at_toronto',
  'has_unsubmitted_changes',
  'screening_reasons',
  'id',
];

/** Streams the filtered proposals as CSV, UTF-8 with a byte order mark, batch by batch. */
@Injectable()
export class ProposalsExport {
  constructor(private readonly proposals: ProposalsService) {}

  async write(user: AuthUser, filter: ProposalFilter, sort: ListQuery<ProposalFilter>['sort'], res: Response): Promise<void> {
    const stamp = formatZoned(this.proposals.clock.now(), TORONTO).slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="proposals-${stamp}.csv"`);
    res.write('\ufeff');
    const csv = stringify({ header: true, columns: COLUMNS });
    csv.pipe(res);
    for await (const batch of this.proposals.iterate(user, filter, sort)) {
      for (const p of batch) {
        const ok = csv.write([
          p.trackingNumber ?? '',
          p.title,
          p.fundCode,
          p.institutionName,
          p.status,
          p.sectors.join('; '),
          p.regionsServed.join('; '),
          p.microCredentials.length,
          centsToDecimal(p.requestedCents),
          centsToDecimal(p.partnerContributionCents),
          p.submittedVersion,
          p.lastSubmittedAt ? formatZoned(new Date(p.lastSubmittedAt), TORONTO) : '',
          p.hasUnsubmittedChanges ? 'yes' : 'no',
          p.screeningReasons ?? '',
          p.id,
        ]);
        if (!ok) await once(csv, 'drain');
      }
    }
    csv.end();
    await once(res, 'finish');
  }
}
