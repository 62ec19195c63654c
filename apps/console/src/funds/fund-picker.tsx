import { Autocomplete, TextField } from '@mui/material';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { Fund } from '../types';
import { FUND_SORT, localized } from './fund-choices';

const fundLabel = (fund: Fund, locale: string): string => {
  const name = localized(fund, 'name', locale);
  return name ? `${fund.code} — ${name}` : fund.code;
};

/** Pick one fund (the review board, the ranking): most recent deadline first. */
export const FundPicker = ({
  value,
  onChange,
  id = 'fund-picker',
}: {
  value: string | undefined;
  onChange: (fundId: string | undefined) => void;
  id?: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data = [], isPending } = useGetList<Fund>('funds', {
    pagination: { page: 1, perPage: 200 },
    sort: FUND_SORT,
    filter: {},
  });
  const selected = data.find((fund) => fund.id === value) ?? null;
  return (
    <Autocomplete
      id={id}
      options={data}
      value={selected}
      loading={isPending}
      onChange={(_event, fund) => onChange(fund?.id)}
      getOptionLabel={(fund) => fundLabel(fund, locale)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      sx={{ minWidth: 320, maxWidth: 560, flex: 1 }}
      renderInput={(params) => <TextField {...params} label={translate('cf.fund_picker.label')} size="small" />}
      noOptionsText={translate('cf.fund_picker.none')}
    />
  );
};
