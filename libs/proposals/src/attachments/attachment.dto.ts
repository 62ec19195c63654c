import { ApiProperty } from '@nestjs/swagger';
import { AttachmentEntity } from '../proposal.entity';
import { ATTACHMENT_KINDS } from './attachment-types';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Detected from the content' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;

  static from(a: AttachmentEntity): AttachmentDto {
    return {
      id: a.id,
      proposalId: a.proposalId,
      kind: a.kind,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: a.uploadedAt.toISOString(),
      uploadedBy: a.uploadedBy,
    };
  }
}
