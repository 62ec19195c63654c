import { Box, Typography } from '@mui/material';
import {
  Create,
  maxLength,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatTorontoDateTime } from '../common/zoned-time';
import { localized } from '../funds/fund-choices';
import type { Fund } from '../types';

/** A fund among the choices: its name and its deadline on Toronto's clocks. */
const FundOption = () => {
  const fund = useRecordContext<Fund>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!fund) return null;
  return (
    <Box component="span" sx={{ display: 'block', py: 0.5 }}>
      <Typography component="span" sx={{ display: 'block', fontWeight: 600 }}>
        {fund.code} — {localized(fund, 'name', locale)}
      </Typography>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {translate('cf.deadline.closes_at', { date: formatTorontoDateTime(fund.closesAt, locale, 'long') })}
      </Typography>
    </Box>
  );
};

const ProposalCreateToolbar = () => (
  <Toolbar>
    <SaveButton label="cf.proposals.create_draft" />
  </Toolbar>
);

/** POST /api/proposals {fundId, title?}: a draft in an open fund, then on to its sections. */
export const ProposalCreate = () => {
  const translate = useTranslate();
  return (
    <Create
      redirect="edit"
      title={translate('cf.proposals.new')}
      transform={(values: { fundId?: string; title?: string }) => ({
        fundId: values.fundId,
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      })}
    >
      <SimpleForm toolbar={<ProposalCreateToolbar />}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('cf.proposals.create_intro')}
        </Typography>
        <ReferenceInput
          source="fundId"
          reference="funds"
          filter={{ status: 'open' }}
          sort={{ field: 'closesAt', order: 'ASC' }}
          perPage={50}
        >
          <RadioButtonGroupInput
            label="cf.proposals.pick_fund"
            optionText={<FundOption />}
            row={false}
            validate={required('cf.validation.fund_required')}
          />
        </ReferenceInput>
        <TextInput source="title" validate={maxLength(300)} fullWidth helperText="cf.proposals.title_help" />
      </SimpleForm>
    </Create>
  );
};
