import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { User } from '../types';

/** Active / Inactive, in words (not colour alone). */
export const UserStatusField = () => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) return null;
  return record.isActive ? (
    <Chip size="small" color="success" label={translate('cf.status.active')} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('cf.status.inactive')} />
  );
};
