import { Foundation1764000000000 } from './1764000000000-foundation';
import { Proposals1764100000000 } from './1764100000000-proposals';
import { OutboxDelivery1764200000000 } from './1764200000000-outbox-delivery';
import { Reviews1764300000000 } from './1764300000000-reviews';
import { Awards1764400000000 } from './1764400000000-awards';
import { DecisionLetters1764500000000 } from './1764500000000-decision-letters';
import { AwardScenarios1764600000000 } from './1764600000000-award-scenarios';
import { Projects1764700000000 } from './1764700000000-projects';
import { ProposalListReads1764860000000 } from './1764860000000-proposal-list-reads';
import { ProposalListColumnsInline1764870000000 } from './1764870000000-proposal-list-columns-inline';
import { ProposalListSearch1764900000000 } from './1764900000000-proposal-list-search';
import { OutboxLeaseHolder1764800000000 } from './1764800000000-outbox-lease-holder';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Proposals1764100000000,
  OutboxDelivery1764200000000,
  Reviews1764300000000,
  Awards1764400000000,
  DecisionLetters1764500000000,
  AwardScenarios1764600000000,
  Projects1764700000000,
  OutboxLeaseHolder1764800000000,
  ProposalListReads1764860000000,
  ProposalListColumnsInline1764870000000,
  ProposalListSearch1764900000000,
];
