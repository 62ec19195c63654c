import { AuthUser, CurrentUser, Roles, ValidationFailedError } from '@cf/platform';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DecisionLetterDto, ProposalDecisionResponseDto } from './decision-letter.dto';
import { DecisionLettersService } from './decision-letters.service';
import { LETTER_LANGUAGES, LetterLanguage } from './letter-text';

const language = (value: string): LetterLanguage => {
  if (!(LETTER_LANGUAGES as readonly string[]).includes(value)) {
    throw new ValidationFailedError([{ field: 'language', reason: `must be one of: ${LETTER_LANGUAGES.join(', ')}` }]);
  }
  return value as LetterLanguage;
};

/** A decision's letters (PDF, English and French): staff, and the applicant of the proposal's institution. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('decisions/:id/letters')
export class DecisionLettersController {
  constructor(private readonly letters: DecisionLettersService) {}

  @Roles('program_officer', 'approver', 'admin', 'applicant')
  @Get()
  @ApiOkResponse({ type: [DecisionLetterDto] })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DecisionLetterDto[]> {
    return this.letters.list(user, id);
  }

  @Roles('program_officer', 'approver', 'admin', 'applicant')
  @Get(':language')
  @ApiProduces('application/pdf')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('language') lang: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, sizeBytes, body } = await this.letters.open(user, id, language(lang));
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(sizeBytes));
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(body, res);
  }

  @Roles('program_officer', 'approver')
  @Post('regenerate')
  @HttpCode(202)
  @ApiOkResponse({ type: [DecisionLetterDto] })
  regenerate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DecisionLetterDto[]> {
    return this.letters.regenerate(user, id);
  }
}

/** The letters of a fund's decisions, for the awards board. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('funds/:fundId/decision-letters')
export class FundDecisionLettersController {
  constructor(private readonly letters: DecisionLettersService) {}

  @Roles('program_officer', 'approver', 'admin')
  @Get()
  @ApiOkResponse({ type: [DecisionLetterDto] })
  list(@Param('fundId', ParseUUIDPipe) fundId: string): Promise<DecisionLetterDto[]> {
    return this.letters.listForFund(fundId);
  }
}

/** A proposal's confirmed decision and its letters, as its applicant sees it. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('proposals/:id/decision')
export class ProposalDecisionController {
  constructor(private readonly letters: DecisionLettersService) {}

  @Roles('program_officer', 'approver', 'admin', 'applicant')
  @Get()
  @ApiOkResponse({ type: ProposalDecisionResponseDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalDecisionResponseDto> {
    return { decision: await this.letters.forProposal(user, id) };
  }
}
