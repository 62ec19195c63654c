import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FundEntity } from './fund.entity';

@Entity({ name: 'fund_criteria' })
export class FundCriterionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fund_id', type: 'uuid' }) fundId: string;
  @ManyToOne('FundEntity', 'criteria', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fund_id' })
  fund: FundEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  @Column({ name: 'title_fr', type: 'text' }) titleFr: string;
  @Column({ name: 'guidance_en', type: 'text' }) guidanceEn: string;
  @Column({ name: 'guidance_fr', type: 'text' }) guidanceFr: string;
  @Column({ type: 'numeric', precision: 7, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  weight: number;
  @Column({ name: 'scale_min', type: 'integer' }) scaleMin: number;
  @Column({ name: 'scale_max', type: 'integer' }) scaleMax: number;
}
