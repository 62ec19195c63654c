import { ApiProperty } from '@nestjs/swagger';
import { DECISION_KINDS, DecisionKind } from '../domain/decision-rules';
import { LETTER_LANGUAGES, LetterLanguage } from './letter-text';

export const LETTER_STATUSES = ['pending', 'generated', 'failed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export class DecisionLetterDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ enum: LETTER_LANGUAGES }) language: LetterLanguage;
  @ApiProperty({ enum: LETTER_STATUSES, description: 'pending until the PDF is stored; failed (with the error) is retried' })
  status: LetterStatus;
  @ApiProperty({ description: 'The name the PDF downloads as' }) fileName: string;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Lowercase hex SHA-256 of the PDF' }) sha256: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) generatedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the mail to the applicant was written' })
  emailedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'GET it (application/pdf) once a PDF is stored' })
  downloadUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only: why the last attempt failed' }) error?: string | null;
}

/** A proposal's confirmed decision as its applicant reads it (no rationale: that is the officers'), with its letters. */
export class ProposalDecisionDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind: DecisionKind;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ description: 'Integer cents' }) requestedCents: number;
  @ApiProperty() conditions: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: [DecisionLetterDto] }) letters: DecisionLetterDto[];
}

export class ProposalDecisionResponseDto {
  @ApiProperty({ type: ProposalDecisionDto, nullable: true, description: 'null until a decision is confirmed' })
  decision: ProposalDecisionDto | null;
}
