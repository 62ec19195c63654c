import { AuditService } from '@cf/audit';
import { AuthUser } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Moves proposals through the review part of the lifecycle (eligible → in_review → reviewed) from their
 * assignments: in review while any active assignment's review is not submitted, reviewed once every one is,
 * eligible again when none is left. Proposals past the review stage (recommended, awarded…) are left alone.
 * Each change is audited in the caller's transaction.
 */
@Injectable()
export class ReviewStage {
  constructor(private readonly audit: AuditService) {}

  async sync(m: EntityManager, actor: AuthUser | null, proposalIds: readonly string[]): Promise<void> {
    if (!proposalIds.length) return;
    // An UPDATE answers [rows, rowCount] through TypeORM.
    const [changed]: [{ id: string; from: string; to: string }[], number] = await m.query(
      `WITH counts AS (
         SELECT p.id, p.status AS from_status,
                count(a.id) AS active,
                count(rv.id) FILTER (WHERE rv.status = 'submitted') AS submitted
           FROM proposals p
           LEFT JOIN review_assignments a ON a.proposal_id = p.id AND a.removed_at IS NULL
           LEFT JOIN reviews rv ON rv.assignment_id = a.id
          WHERE p.id = ANY($1::uuid[]) AND p.status IN ('eligible', 'in_review', 'reviewed')
          GROUP BY p.id
       ), target AS (
         SELECT id, from_status,
                CASE WHEN active = 0 THEN 'eligible' WHEN submitted = active THEN 'reviewed' ELSE 'in_review' END AS to_status
           FROM counts
       )
       UPDATE proposals p SET status = t.to_status, updated_at = now()
         FROM target t
        WHERE p.id = t.id AND t.to_status <> t.from_status
       RETURNING p.id, t.from_status AS "from", t.to_status AS "to"`,
      [[...new Set(proposalIds)]],
    );
    for (const c of changed) {
      await this.audit.record(m, {
        actorId: actor?.id ?? null,
        action: 'proposal.review_stage',
        entityType: 'proposal',
        entityId: c.id,
        changes: { status: { from: c.from, to: c.to } },
      });
    }
  }
}
