import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BudgetLine, Contact, MicroCredential, ProposalPartner, Sector } from './domain/proposal-content';
import type { ProposalStatus } from './domain/proposal-status';

const cents = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** The working copy of a proposal; each submission stores an immutable snapshot of it. */
@Entity({ name: 'proposals' })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fund_id', type: 'uuid' }) fundId: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId: string;
  @Column({ type: 'text' }) status: ProposalStatus;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', array: true }) sectors: Sector[];
  @Column({ name: 'areas_of_focus', type: 'text', array: true }) areasOfFocus: string[];
  @Column({ name: 'regions_served', type: 'text', array: true }) regionsServed: string[];
  @Column({ name: 'micro_credentials', type: 'jsonb' }) microCredentials: MicroCredential[];
  @Column({ type: 'jsonb' }) partners: ProposalPartner[];
  @Column({ type: 'jsonb' }) budget: BudgetLine[];
  @Column({ type: 'jsonb' }) narratives: Record<string, string>;
  @Column({ type: 'jsonb' }) contacts: Contact[];
  @Column({ name: 'requested_cents', type: 'bigint', transformer: cents }) requestedCents: number;
  @Column({ name: 'partner_contribution_cents', type: 'bigint', transformer: cents }) partnerContributionCents: number;
  @Column({ name: 'tracking_number', type: 'text', nullable: true }) trackingNumber: string | null;
  @Column({ name: 'submitted_version', type: 'integer' }) submittedVersion: number;
  @Column({ name: 'last_submitted_at', type: 'timestamptz', nullable: true }) lastSubmittedAt: Date | null;
  @Column({ name: 'has_unsubmitted_changes', type: 'boolean' }) hasUnsubmittedChanges: boolean;
  @Column({ name: 'screening_reasons', type: 'text', nullable: true }) screeningReasons: string | null;
  @Column({ name: 'screened_by', type: 'uuid', nullable: true }) screenedBy: string | null;
  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true }) screenedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Optimistic locking: every write must name the version it read. */
  @Column({ type: 'integer' }) version: number;
}

@Entity({ name: 'proposal_submissions' })
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'tracking_number', type: 'text' }) trackingNumber: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ name: 'on_time_by', type: 'text' }) onTimeBy: 'deadline' | 'extension';
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'jsonb' }) snapshot: Record<string, unknown>;
}

@Entity({ name: 'proposal_extensions' })
export class ExtensionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'timestamptz' }) until: Date;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'granted_by', type: 'uuid' }) grantedBy: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
}

@Entity({ name: 'attachments' })
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'text' }) kind: 'letter_of_support' | 'budget' | 'other';
  @Column({ name: 'partner_item_id', type: 'uuid', nullable: true }) partnerItemId: string | null;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: cents }) sizeBytes: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}

export const PARTNER_KINDS = ['employer', 'industry_association', 'training_provider', 'community_organization'] as const;
export const ORGANIZATION_SIZES = ['micro', 'small', 'medium', 'large'] as const;

@Entity({ name: 'partner_organizations' })
export class PartnerOrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: (typeof PARTNER_KINDS)[number];
  @Column({ type: 'text' }) sector: string;
  @Column({ type: 'text' }) region: string;
  @Column({ type: 'text' }) size: (typeof ORGANIZATION_SIZES)[number];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
