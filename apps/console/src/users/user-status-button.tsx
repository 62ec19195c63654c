import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import {
  Button,
  Confirm,
  HttpError,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';
import type { User } from '../types';

/** Deactivate / reactivate a user (workflow endpoints, pessimistic). */
export const UserStatusButton = () => {
  const record = useRecordContext<User>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [loading, setLoading] = useState(false);
  if (!record) return null;

  const action = record.isActive ? 'deactivate' : 'reactivate';
  const isSelf = identity?.id !== undefined && String(identity.id) === String(record.id);

  const run = async () => {
    setLoading(true);
    try {
      await dataProvider.changeUserStatus(record.id, action);
      notify(action === 'deactivate' ? 'cf.users.deactivated' : 'cf.users.reactivated', { type: 'success' });
      refresh();
    } catch (error) {
      const message = error instanceof HttpError || error instanceof Error ? error.message : '';
      notify(message || 'ra.notification.http_error', { type: 'error', messageArgs: { _: message } });
    } finally {
      setLoading(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Button
        label={`cf.users.${action}`}
        disabled={loading || isSelf}
        onClick={() => (action === 'deactivate' ? setConfirming(true) : run())}
        color={action === 'deactivate' ? 'error' : 'primary'}
      >
        {action === 'deactivate' ? <BlockIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={loading}
        title="cf.users.confirm_deactivate_title"
        titleTranslateOptions={{ name: record.displayName || record.email }}
        content="cf.users.confirm_deactivate_content"
        confirm="cf.users.deactivate"
        confirmColor="warning"
        onConfirm={run}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
