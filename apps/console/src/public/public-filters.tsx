import { Box, Button, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import type { FacetBucket } from './public-api';

interface FacetSelectProps {
  name: string;
  label: string;
  buckets: FacetBucket[] | undefined;
  value: string | undefined;
  onChange: (value: string) => void;
}

/**
 * One filter: a native select (keyboard and screen reader friendly) with a visible label, each value with its count
 * given the other filters.
 */
export const FacetSelect = ({ name, label, buckets, value, onChange }: FacetSelectProps) => {
  const translate = useTranslate();
  const options = buckets ?? [];
  // a value from a shared link that no longer has records stays selectable, so it can be seen and cleared
  const known = !value || options.some((b) => b.value === value);
  return (
    <TextField
      select
      id={`public-filter-${name}`}
      name={name}
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      fullWidth
      size="small"
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="">{translate('pub.filters.any')}</option>
      {!known && <option value={value}>{value}</option>}
      {options.map((b) => (
        <option key={b.value} value={b.value} disabled={b.count === 0 && b.value !== value}>
          {translate('pub.filters.option', { label: b.label, count: b.count })}
        </option>
      ))}
    </TextField>
  );
};

interface SearchBoxProps {
  label: string;
  value: string | undefined;
  onSearch: (q: string) => void;
  /** The button under the field (a narrow column). */
  stacked?: boolean;
}

/** A labelled search field with its button; Enter searches too. */
export const SearchBox = ({ label, value, onSearch, stacked = false }: SearchBoxProps) => {
  const translate = useTranslate();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <Box
      component="form"
      role="search"
      onSubmit={submit}
      sx={{ display: 'flex', flexDirection: stacked ? 'column' : 'row', gap: 1, alignItems: 'flex-start' }}
    >
      <TextField
        id="public-search"
        type="search"
        label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        size="small"
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <Button type="submit" variant="contained">
        {translate('pub.filters.search_button')}
      </Button>
    </Box>
  );
};

interface PaginationProps {
  page: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
}

export const PublicPagination = ({ page, total, perPage, onPage }: PaginationProps) => {
  const translate = useTranslate();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <Box
      component="nav"
      aria-label={translate('pub.pagination.label')}
      sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 2 }}
    >
      <Button variant="outlined" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {translate('pub.pagination.previous')}
      </Button>
      <span aria-current="page">{translate('pub.pagination.page', { page: page + 1, pages })}</span>
      <Button variant="outlined" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {translate('pub.pagination.next')}
      </Button>
    </Box>
  );
};
