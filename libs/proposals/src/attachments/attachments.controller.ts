import { AuthUser, CurrentUser, ReceivedAt, Roles } from '@cf/platform';
import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AttachmentDto } from './attachment.dto';
import { ATTACHMENT_KINDS } from './attachment-types';
import { AttachmentsService } from './attachments.service';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @ApiOkResponse({ type: [AttachmentDto] })
  async list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttachmentDto[]> {
    return (await this.attachments.list(user, id)).map((a) => AttachmentDto.from(a));
  }

  /** multipart/form-data: the field `kind` first, then `file` (PDF, DOCX, PNG or JPEG). */
  @Roles('applicant')
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: { kind: { type: 'string', enum: [...ATTACHMENT_KINDS] }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: AttachmentDto })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @ReceivedAt() at: Date,
  ): Promise<AttachmentDto> {
    return AttachmentDto.from(await this.attachments.upload(user, id, req, at));
  }

  @Get(':attachmentId/content')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { meta, body } = await this.attachments.open(user, id, attachmentId);
    res.status(200);
    res.setHeader('Content-Type', meta.contentType);
    res.setHeader('Content-Length', String(meta.sizeBytes));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${meta.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(body, res);
  }

  @Roles('applicant')
  @Delete(':attachmentId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @ReceivedAt() at: Date,
  ): Promise<void> {
    await this.attachments.remove(user, id, attachmentId, at);
  }
}
