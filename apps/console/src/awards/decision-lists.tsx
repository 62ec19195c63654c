import type { ReactNode } from 'react';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { Decision, DecisionKind, DecisionLetter } from '../types';
import { DecisionActionButton } from './decision-action-button';
import { DecisionLetterLinks } from './decision-letters';
import { decisionProposalLabel } from './decision-state';
import { RecommendButton } from './recommend-button';

const KIND_COLORS: Record<DecisionKind, 'success' | 'info' | 'warning' | 'default'> = {
  fund_full: 'success',
  fund_partial: 'info',
  waitlist: 'warning',
  decline: 'default',
};

/** The decision's kind, with its status when it is not confirmed ("Fund in full · awaiting confirmation"). */
export const DecisionChip = ({ decision }: { decision: Pick<Decision, 'kind' | 'status'> }) => {
  const translate = useTranslate();
  const kind = translate(`cf.decision_kinds.${decision.kind}`);
  const label = decision.status === 'confirmed' ? kind : `${kind} · ${translate(`cf.decision_statuses.${decision.status}`)}`;
  return (
    <Chip
      size="small"
      color={KIND_COLORS[decision.kind]}
      variant={decision.status === 'confirmed' ? 'filled' : 'outlined'}
      label={label}
    />
  );
};

/** A card with a heading and a table of decisions (or a sentence when there is none). */
const DecisionSection = ({
  id,
  title,
  help,
  empty,
  decisions,
  head,
  row,
}: {
  id: string;
  title: string;
  help?: string;
  empty: string;
  decisions: readonly Decision[];
  head: ReactNode;
  row: (decision: Decision) => ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card component="section" variant="outlined" aria-labelledby={`${id}-heading`}>
      <CardContent>
        <Typography id={`${id}-heading`} component="h2" variant="h3" gutterBottom>
          {translate(title)} ({decisions.length})
        </Typography>
        {help ? (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(help)}
          </Typography>
        ) : null}
        {decisions.length === 0 ? (
          <Typography variant="body2">{translate(empty)}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby={`${id}-heading`}>
              <TableHead>
                <TableRow>{head}</TableRow>
              </TableHead>
              <TableBody>{decisions.map(row)}</TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
};

const ActionsHead = () => {
  const translate = useTranslate();
  return (
    <TableCell>
      <Box component="span" sx={visuallyHidden}>
        {translate('cf.review_board.actions')}
      </Box>
    </TableCell>
  );
};

const ProposalCells = ({ decision }: { decision: Decision }) => {
  const translate = useTranslate();
  return (
    <>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{decision.trackingNumber ?? '—'}</TableCell>
      <TableCell component="th" scope="row">
        {decision.proposalTitle || translate('cf.proposals.untitled')}
      </TableCell>
      <TableCell>{decision.institutionName}</TableCell>
    </>
  );
};

const ProposalHead = () => {
  const translate = useTranslate();
  return (
    <>
      <TableCell>{translate('resources.assignments.fields.trackingNumber')}</TableCell>
      <TableCell>{translate('resources.assignments.fields.proposalTitle')}</TableCell>
      <TableCell>{translate('resources.assignments.fields.institutionName')}</TableCell>
    </>
  );
};

const LongText = ({ label, text }: { label: string; text: string | null | undefined }) =>
  text ? (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-line', maxWidth: 360 }}>
      <Box component="span" sx={{ fontWeight: 600 }}>
        {label}
      </Box>{' '}
      {text}
    </Typography>
  ) : null;

/**
 * The recommendations awaiting confirmation: another person than the recommender (approver or
 * program officer) confirms (note optional) or returns them (reason required). The recommender
 * sees why they cannot (the four-eyes rule).
 */
export const PendingDecisions = ({
  decisions,
  userId,
  canDecide,
}: {
  decisions: readonly Decision[];
  userId: string | undefined;
  canDecide: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <DecisionSection
      id="pending-decisions"
      title="cf.awards.pending.title"
      help="cf.awards.pending.help"
      empty="cf.awards.pending.none"
      decisions={decisions}
      head={
        <>
          <ProposalHead />
          <TableCell>{translate('cf.awards.fields.kind')}</TableCell>
          <TableCell align="right">{translate('cf.awards.fields.amountCents')}</TableCell>
          <TableCell align="right">{translate('cf.awards.fields.requestedCents')}</TableCell>
          <TableCell>{translate('cf.awards.fields.rationale')}</TableCell>
          <TableCell>{translate('cf.awards.fields.recommended')}</TableCell>
          {canDecide ? <ActionsHead /> : null}
        </>
      }
      row={(decision) => {
        const own = !!userId && decision.recommendedBy === userId;
        const explainId = `four-eyes-${decision.id}`;
        return (
          <TableRow key={decision.id} hover>
            <ProposalCells decision={decision} />
            <TableCell>
              <DecisionChip decision={decision} />
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatCents(decision.amountCents, locale)}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatCents(decision.requestedCents, locale)}
            </TableCell>
            <TableCell>
              <LongText label={translate('cf.awards.fields.rationale')} text={decision.rationale} />
              <LongText label={translate('cf.awards.fields.conditions')} text={decision.conditions} />
            </TableCell>
            <TableCell>
              <Typography variant="body2">{decision.recommendedByName}</Typography>
              <Typography variant="caption">{formatTorontoDateTime(decision.recommendedAt, locale)}</Typography>
            </TableCell>
            {canDecide ? (
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  <DecisionActionButton
                    decision={decision}
                    action="confirm"
                    disabled={own}
                    describedBy={own ? explainId : undefined}
                  />
                  <DecisionActionButton
                    decision={decision}
                    action="return"
                    disabled={own}
                    describedBy={own ? explainId : undefined}
                  />
                </Stack>
                {own ? (
                  <Typography id={explainId} variant="caption" component="p" sx={{ maxWidth: 260 }}>
                    {translate('cf.awards.pending.four_eyes')}
                  </Typography>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        );
      }}
    />
  );
};

/** Where a confirmed decision's letters (English and French) are shown: status, download, regenerate. */
export interface LettersColumn {
  lettersOf: (decisionId: string) => readonly DecisionLetter[];
  canRegenerate: boolean;
}

const LettersCell = ({ decision, letters }: { decision: Decision; letters: LettersColumn }) => {
  const translate = useTranslate();
  return (
    <TableCell>
      <DecisionLetterLinks
        decisionId={decision.id}
        letters={letters.lettersOf(decision.id)}
        proposalLabel={decisionProposalLabel(decision, translate('cf.proposals.untitled'))}
        canRegenerate={letters.canRegenerate}
      />
    </TableCell>
  );
};

/** The confirmed awards (fund in full or in part): rescinding one (reason required) releases its money. */
export const ConfirmedAwards = ({
  decisions,
  canRescind,
  letters,
}: {
  decisions: readonly Decision[];
  canRescind: boolean;
  letters: LettersColumn;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <DecisionSection
      id="confirmed-awards"
      title="cf.awards.confirmed.title"
      empty="cf.awards.confirmed.none"
      decisions={decisions}
      head={
        <>
          <ProposalHead />
          <TableCell>{translate('cf.awards.fields.kind')}</TableCell>
          <TableCell align="right">{translate('cf.awards.fields.amountCents')}</TableCell>
          <TableCell>{translate('cf.awards.fields.conditions')}</TableCell>
          <TableCell>{translate('cf.awards.fields.confirmed')}</TableCell>
          <TableCell>{translate('cf.decision_letters.column')}</TableCell>
          {canRescind ? <ActionsHead /> : null}
        </>
      }
      row={(decision) => (
        <TableRow key={decision.id} hover>
          <ProposalCells decision={decision} />
          <TableCell>
            <DecisionChip decision={decision} />
          </TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {formatCents(decision.amountCents, locale)}
          </TableCell>
          <TableCell>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', maxWidth: 360 }}>
              {decision.conditions || '—'}
            </Typography>
          </TableCell>
          <TableCell>
            <Typography variant="body2">{decision.decidedByName ?? '—'}</Typography>
            <Typography variant="caption">{formatTorontoDateTime(decision.decidedAt, locale)}</Typography>
            <LongText label={translate('cf.awards.fields.note')} text={decision.decisionNote} />
          </TableCell>
          <LettersCell decision={decision} letters={letters} />
          {canRescind ? (
            <TableCell>
              <DecisionActionButton decision={decision} action="rescind" />
            </TableCell>
          ) : null}
        </TableRow>
      )}
    />
  );
};

/**
 * The waitlist (confirmed waitlist decisions), in rank order when known: promoting a proposal is
 * recommending to fund it, which supersedes its waitlist decision once saved.
 */
export const Waitlist = ({
  decisions,
  rankOf,
  canPromote,
  letters,
}: {
  decisions: readonly Decision[];
  rankOf: (proposalId: string) => number | undefined;
  canPromote: boolean;
  letters: LettersColumn;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <DecisionSection
      id="waitlist"
      title="cf.awards.waitlist.title"
      help="cf.awards.waitlist.help"
      empty="cf.awards.waitlist.none"
      decisions={decisions}
      head={
        <>
          <TableCell align="right">{translate('cf.ranking.rank')}</TableCell>
          <ProposalHead />
          <TableCell align="right">{translate('cf.awards.fields.requestedCents')}</TableCell>
          <TableCell>{translate('cf.awards.fields.rationale')}</TableCell>
          <TableCell>{translate('cf.decision_letters.column')}</TableCell>
          {canPromote ? <ActionsHead /> : null}
        </>
      }
      row={(decision) => (
        <TableRow key={decision.id} hover>
          <TableCell align="right">{rankOf(decision.proposalId) ?? '—'}</TableCell>
          <ProposalCells decision={decision} />
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {formatCents(decision.requestedCents, locale)}
          </TableCell>
          <TableCell>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', maxWidth: 360 }}>
              {decision.rationale}
            </Typography>
          </TableCell>
          <LettersCell decision={decision} letters={letters} />
          {canPromote ? (
            <TableCell>
              <RecommendButton
                promote
                target={{
                  proposalId: decision.proposalId,
                  label: decisionProposalLabel(decision, translate('cf.proposals.untitled')),
                  requestedCents: decision.requestedCents,
                }}
              />
            </TableCell>
          ) : null}
        </TableRow>
      )}
    />
  );
};
