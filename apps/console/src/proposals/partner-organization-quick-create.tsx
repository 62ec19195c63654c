import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useCreate, useCreateSuggestionContext, useTranslate } from 'react-admin';
import { errorMessage, errorProblems } from '../common/api-error';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { organizationSizeChoices, partnerKindChoices } from '../partner-organizations/partner-organization-choices';
import type { PartnerOrganization } from '../types';

type Draft = Pick<PartnerOrganization, 'name' | 'kind' | 'sector' | 'region' | 'size'>;

/**
 * "Create a partner organization" from the partner picker of a proposal: a small dialog
 * (plain controls, no nested <form>), then the new organization is selected.
 */
export const PartnerOrganizationQuickCreate = () => {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  const translate = useTranslate();
  const [create, { isPending }] = useCreate<PartnerOrganization & { id: string }>();
  const [draft, setDraft] = useState<Partial<Draft>>({ name: filter ?? '', kind: 'employer', size: 'medium' });
  const [error, setError] = useState<string | null>(null);
  const complete = !!draft.name?.trim() && !!draft.kind && !!draft.sector && !!draft.region && !!draft.size;

  const save = () => {
    if (!complete) return;
    setError(null);
    create(
      'partner-organizations',
      { data: { ...draft, name: draft.name?.trim() } },
      {
        onSuccess: (record) => onCreate(record),
        onError: (e) => {
          const problems = errorProblems(e);
          setError(problems.length ? problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : errorMessage(e));
        },
      },
    );
  };

  const select = (field: keyof Draft, choices: { id: string; name: string }[]) => (
    <TextField
      select
      required
      size="small"
      label={translate(`resources.partner-organizations.fields.${field}`)}
      value={draft[field] ?? ''}
      onChange={(event) => setDraft((d) => ({ ...d, [field]: event.target.value }))}
    >
      {choices.map((choice) => (
        <MenuItem key={choice.id} value={choice.id}>
          {translate(choice.name)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Dialog open onClose={onCancel} aria-labelledby="quick-create-partner-title" fullWidth maxWidth="sm">
      <DialogTitle id="quick-create-partner-title">{translate('cf.partners.quick_create_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            required
            autoFocus
            size="small"
            label={translate('resources.partner-organizations.fields.name')}
            value={draft.name ?? ''}
            onChange={(event) => setDraft((d) => ({ ...d, name: event.target.value }))}
          />
          {select('kind', partnerKindChoices)}
          {select('sector', sectorChoices)}
          {select('region', partnerRegionChoices)}
          {select('size', organizationSizeChoices)}
          {error ? <Alert severity="error">{error}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={!complete || isPending}>
          {translate('ra.action.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
