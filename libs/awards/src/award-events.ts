import { AuthUser } from '@cf/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionKind } from './domain/decision-rules';

/** A confirmed (or about to be rescinded) award, as listeners of other contexts see it. */
export interface AwardEvent {
  decisionId: string;
  fundId: string;
  proposalId: string;
  kind: DecisionKind;
  amountCents: number;
  /** When the confirmation (or the rescission) happens, by the server's clock. */
  at: Date;
  actor: AuthUser;
  /** The rescission's reason (rescinding only). */
  reason?: string;
}

/**
 * Listeners run inside the awards transaction, with its EntityManager: what they write commits with the decision or
 * not at all, and what they throw (a DomainError) refuses the decision.
 */
export type AwardListener = (manager: EntityManager, event: AwardEvent) => Promise<void>;

/**
 * The hooks other contexts hang on the awards (funded projects on a confirmation, refusing a rescission once money
 * was paid), so that awards depends on none of them: they import AwardsModule and register at init.
 */
@Injectable()
export class AwardEvents {
  private readonly confirmed: AwardListener[] = [];
  private readonly rescinding: AwardListener[] = [];

  /** After a fund decision is confirmed and its money committed, in the same transaction. */
  onConfirmed(listener: AwardListener): void {
    this.confirmed.push(listener);
  }

  /** Before a confirmed award is rescinded and its money released, in the same transaction; throw to refuse. */
  onRescinding(listener: AwardListener): void {
    this.rescinding.push(listener);
  }

  async emitConfirmed(manager: EntityManager, event: AwardEvent): Promise<void> {
    for (const l of this.confirmed) await l(manager, event);
  }

  async emitRescinding(manager: EntityManager, event: AwardEvent): Promise<void> {
    for (const l of this.rescinding) await l(manager, event);
  }
}
