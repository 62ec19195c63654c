import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

/** Field-by-field differences, with secrets left out. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  secret: readonly string[] = [],
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out[key] = secret.includes(key) ? { from: '[secret]', to: '[secret]' } : { from: a ?? null, to: b ?? null };
    }
  }
  return out;
}

@Injectable()
export class AuditService {
  /** Writes within the caller's transaction, so the record commits with the change or not at all. */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    // a plain statement: every write command records one, so the query builder's cost would be paid everywhere
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [entry.actorId, entry.action, entry.entityType, entry.entityId, JSON.stringify(entry.changes ?? {})],
    );
  }
}
