import {
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { MoneyField } from '../common/money-field';
import type { Fund } from '../types';
import { fundStatusChoices, localized } from './fund-choices';
import { CalendarDateField, InstitutionTypesField, IntakeChip, LocalizedTextField, TorontoDateTimeField } from './fund-fields';
import { CriteriaField } from './criteria-field';

const FundShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const FundTitle = () => {
  const record = useRecordContext<Fund>();
  const [locale] = useLocaleState();
  return <>{record ? `${record.code} — ${localized(record, 'name', locale)}` : ''}</>;
};

export const FundShow = () => (
  <Show actions={<FundShowActions />} title={<FundTitle />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cf.funds.tabs.summary">
        <TextField source="code" />
        <Labeled label="resources.funds.fields.name">
          <LocalizedTextField field="name" />
        </Labeled>
        <Labeled label="resources.funds.fields.description">
          <LocalizedTextField field="description" multiline />
        </Labeled>
        <SelectField source="status" choices={fundStatusChoices} />
        <Labeled source="intake">
          <IntakeChip />
        </Labeled>
        <Labeled source="opensAt">
          <TorontoDateTimeField source="opensAt" long />
        </Labeled>
        <Labeled source="closesAt">
          <TorontoDateTimeField source="closesAt" long />
        </Labeled>
        <Labeled source="eligibleInstitutionTypes">
          <InstitutionTypesField source="eligibleInstitutionTypes" />
        </Labeled>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cf.funds.tabs.rules" path="rules">
        <Labeled source="envelopeCents">
          <MoneyField source="envelopeCents" />
        </Labeled>
        <Labeled source="capSingleCents">
          <MoneyField source="capSingleCents" />
        </Labeled>
        <Labeled source="capStackCents">
          <MoneyField source="capStackCents" />
        </Labeled>
        <NumberField source="stackMinCredentials" />
        <NumberField source="submissionsPerInstitution" />
        <NumberField source="targetCredentials" />
        <Labeled source="launchEarliest">
          <CalendarDateField source="launchEarliest" />
        </Labeled>
        <Labeled source="launchLatest">
          <CalendarDateField source="launchLatest" />
        </Labeled>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cf.funds.tabs.criteria" path="criteria">
        <CriteriaField />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
