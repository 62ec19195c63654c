import { useRecordContext, useTranslate } from 'react-admin';
import type { Proposal } from '../types';

/** The page title: the proposal's title, or its tracking number, or "Untitled proposal". */
export const ProposalTitle = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  if (!record) return null;
  const name = record.title || translate('cf.proposals.untitled');
  return <>{record.trackingNumber ? `${record.trackingNumber} — ${name}` : name}</>;
};
