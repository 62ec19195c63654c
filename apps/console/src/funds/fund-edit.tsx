import { Edit, ShowButton, SimpleForm, TopToolbar, useLocaleState, useRecordContext } from 'react-admin';
import type { Fund } from '../types';
import { localized } from './fund-choices';
import { FundFormToolbar } from './fund-form-toolbar';
import { FundInputs } from './fund-inputs';
import { toFundPayload } from './fund-validation';

const FundEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const FundTitle = () => {
  const record = useRecordContext<Fund>();
  const [locale] = useLocaleState();
  return <>{record ? `${record.code} — ${localized(record, 'name', locale)}` : ''}</>;
};

/** PUT /api/funds/:id with the full record and the version read. */
export const FundEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={<FundEditActions />}
    title={<FundTitle />}
    transform={(values: Partial<Fund>) => toFundPayload(values)}
    redirect="show"
  >
    <SimpleForm toolbar={<FundFormToolbar />} sanitizeEmptyValues={false}>
      <FundInputs />
    </SimpleForm>
  </Edit>
);
