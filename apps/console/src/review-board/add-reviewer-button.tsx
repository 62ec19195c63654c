import { useEffect, useState } from 'react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  Autocomplete,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { Button, useDataProvider, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNotifyApiError } from '../common/api-error-notify';
import { TorontoDateTimeTextField } from '../common/toronto-date-time-text-field';
import type { AppDataProvider } from '../providers/data-provider';
import type { Proposal } from '../types';
import { ReviewerOptionsPicker } from './reviewer-options-picker';

/** Proposals that can be reviewed (others are offered too: the API decides, 409 NOT_REVIEWABLE). */
const REVIEWABLE = ['eligible', 'in_review'];

const proposalText = (proposal: Proposal, untitled: string) =>
  `${proposal.trackingNumber ?? '—'} — ${proposal.title || untitled}`;

/** Debounced text, for searching as one types. */
const useDebounced = (value: string, ms = 300) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

/** A manual assignment (program officer): a proposal of the fund, a reviewer, an optional due date. */
export const AddReviewerButton = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = useDebounced(search);
  const untitled = translate('cf.proposals.untitled');

  const { data: proposals = [], isPending } = useGetList<Proposal>(
    'proposals',
    {
      filter: { fundId, ...(q.trim() ? { q: q.trim() } : {}) },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'trackingNumber', order: 'ASC' },
    },
    { enabled: open },
  );
  const options = [...proposals].sort((a, b) => Number(!REVIEWABLE.includes(a.status)) - Number(!REVIEWABLE.includes(b.status)));

  const start = () => {
    setSearch('');
    setProposal(null);
    setReviewerId(null);
    setDueAt(null);
    setOpen(true);
  };

  const assign = async () => {
    if (!proposal || !reviewerId) return;
    setBusy(true);
    try {
      const created = await dataProvider.assignReviewer({
        proposalId: proposal.id,
        reviewerId,
        ...(dueAt ? { dueAt } : {}),
      });
      setOpen(false);
      notify('cf.review_board.assigned', {
        type: 'success',
        messageArgs: { name: created?.reviewerName ?? '', proposal: proposalText(proposal, untitled) },
      });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.review_board.add_reviewer" onClick={start}>
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="add-reviewer-title" fullWidth maxWidth="md">
        <DialogTitle id="add-reviewer-title">{translate('cf.review_board.add_reviewer')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('cf.review_board.add_explain')}</DialogContentText>
          <Autocomplete
            id="add-reviewer-proposal"
            options={options}
            value={proposal}
            loading={isPending}
            filterOptions={(x) => x}
            onInputChange={(_event, text, reason) => reason === 'input' && setSearch(text)}
            onChange={(_event, picked) => {
              setProposal(picked);
              setReviewerId(null);
            }}
            getOptionLabel={(p) => proposalText(p, untitled)}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderOption={(props, p) => (
              <li {...props} key={p.id}>
                <span>
                  {proposalText(p, untitled)}{' '}
                  <Typography component="span" variant="caption">
                    ({p.institutionName} · {translate(`cf.proposal_statuses.${p.status}`, { _: p.status })})
                  </Typography>
                </span>
              </li>
            )}
            renderInput={(params) => (
              <TextField {...params} label={translate('cf.review_board.proposal')} required margin="dense" />
            )}
            noOptionsText={translate('cf.review_board.no_proposals')}
          />
          {proposal ? (
            <>
              <Typography component="h3" variant="h6" sx={{ mt: 2, mb: 1 }}>
                {translate('cf.review_board.pick_reviewer')}
              </Typography>
              <ReviewerOptionsPicker proposalId={proposal.id} value={reviewerId} onChange={setReviewerId} />
            </>
          ) : null}
          <TorontoDateTimeTextField
            id="add-reviewer-due"
            label={translate('cf.review_board.due_at')}
            value={dueAt}
            onChange={setDueAt}
            endOfMinute
            helperText={translate('cf.review_board.due_help')}
            margin="normal"
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void assign()} disabled={busy || !proposal || !reviewerId}>
            {translate('cf.review_board.assign_confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
