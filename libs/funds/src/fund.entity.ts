import type { InstitutionType } from '@cf/institutions';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { FundCriterionEntity } from './fund-criterion.entity';

export const FUND_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type FundStatus = (typeof FUND_STATUSES)[number];

const bigintCents = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ name: 'funds' })
export class FundEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn: string;
  @Column({ name: 'name_fr', type: 'text' }) nameFr: string;
  @Column({ name: 'description_en', type: 'text' }) descriptionEn: string;
  @Column({ name: 'description_fr', type: 'text' }) descriptionFr: string;
  /** Integer cents (bigint; safe as a JS number below 2^53 cents, $90 trillion). */
  @Column({ name: 'envelope_cents', type: 'bigint', transformer: bigintCents }) envelopeCents: number;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt: Date;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'eligible_institution_types', type: 'text', array: true }) eligibleInstitutionTypes: InstitutionType[];
  @Column({ name: 'cap_single_cents', type: 'bigint', transformer: bigintCents }) capSingleCents: number;
  @Column({ name: 'cap_stack_cents', type: 'bigint', transformer: bigintCents }) capStackCents: number;
  @Column({ name: 'stack_min_credentials', type: 'integer' }) stackMinCredentials: number;
  @Column({ name: 'submissions_per_institution', type: 'integer' }) submissionsPerInstitution: number;
  @Column({ name: 'target_credentials', type: 'integer' }) targetCredentials: number;
  @Column({ name: 'launch_earliest', type: 'date', nullable: true }) launchEarliest: string | null;
  @Column({ name: 'launch_latest', type: 'date', nullable: true }) launchLatest: string | null;
  @Column({ type: 'text' }) status: FundStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;

  @OneToMany(() => FundCriterionEntity, (c) => c.fund, { cascade: true })
  criteria: FundCriterionEntity[];
}
