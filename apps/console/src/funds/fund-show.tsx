import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import {
  Button,
  EditButton,
  Labeled,
  LinkBase,
  NumberField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { canSeeResource } from '../access';
import { MoneyField } from '../common/money-field';
import { useRoles } from '../proposals/proposal-access';
import type { Fund } from '../types';
import { fundStatusChoices, localized } from './fund-choices';
import { CalendarDateField, InstitutionTypesField, IntakeChip, LocalizedTextField, TorontoDateTimeField } from './fund-fields';
import { CriteriaField } from './criteria-field';

const FundShowActions = () => {
  const record = useRecordContext<Fund>();
  const roles = useRoles();
  const fundPath = record ? `/${encodeURIComponent(record.id)}` : '';
  return (
    <TopToolbar>
      {record && canSeeResource('review-board', roles) ? (
        <Button component={LinkBase} to={`/review-board${fundPath}`} label="cf.menu.review_board">
          <AssignmentIndIcon />
        </Button>
      ) : null}
      {record && canSeeResource('ranking', roles) ? (
        <Button component={LinkBase} to={`/ranking${fundPath}`} label="cf.menu.ranking">
          <LeaderboardIcon />
        </Button>
      ) : null}
      {record && canSeeResource('awards', roles) ? (
        <Button component={LinkBase} to={`/awards${fundPath}`} label="cf.menu.awards">
          <EmojiEventsIcon />
        </Button>
      ) : null}
      <EditButton />
    </TopToolbar>
  );
};

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
