import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  email,
  Labeled,
  maxLength,
  minValue,
  NumberInput,
  number,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextArrayInput,
  TextField,
  TextInput,
  useLocaleState,
  useTranslate,
  type Identifier,
  type Validator,
} from 'react-admin';
import { sectorChoices } from '../common/choices';
import { MoneyInput } from '../common/money-input';
import { formatCalendarDate } from '../common/zoned-time';
import { PARTNER_ORGANIZATION_SORT } from '../partner-organizations/partner-organization-choices';
import type { Fund } from '../types';
import { BudgetTotals } from './budget-totals';
import { LetterOfSupportInput } from './letter-of-support-input';
import { PartnerOrganizationQuickCreate } from './partner-organization-quick-create';
import { budgetCategoryChoices, deliveryModeChoices, partnerRoleChoices, servedRegionChoices } from './proposal-choices';
import { ProposalStatusField } from './proposal-status-field';

const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'cf.validation.whole_number';
const validateCount = [required(), number(), integer, minValue(0)];
const validateAmount = [required(), minValue(0)];
const validateTitle = [maxLength(300)];
const validateSummary = [maxLength(5000)];
const validateShortText = [maxLength(200)];
const validateDescription = [maxLength(500)];
const validateRequired = [required()];
const validateEmail = [required(), email(), maxLength(254)];
const validatePhone = [maxLength(40)];
const validateFocus = [
  (value: unknown) =>
    Array.isArray(value) && value.some((v) => typeof v === 'string' && v.length > 80)
      ? 'cf.validation.focus_too_long'
      : undefined,
];

/** Inline items wrap instead of squeezing their inputs. */
const wrapItems = { '& .RaSimpleFormIterator-form': { flexWrap: 'wrap', rowGap: 1 } };

const SectionIntro = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ mb: 1, maxWidth: 960 }}>
      {translate(text)}
    </Typography>
  );
};

const itemLabel = (translate: ReturnType<typeof useTranslate>, section: string) => (index: number) =>
  translate(`cf.proposal_items.${section}.item`, { number: index + 1 });

/** Read-only facts of the proposal: fund, institution, status, tracking number. */
export const ProposalFacts = () => (
  <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 1 }}>
    <Labeled source="fundCode">
      <TextField source="fundCode" />
    </Labeled>
    <Labeled source="institutionName">
      <TextField source="institutionName" />
    </Labeled>
    <Labeled source="status">
      <ProposalStatusField />
    </Labeled>
    <Labeled source="trackingNumber">
      <TextField source="trackingNumber" emptyText="—" />
    </Labeled>
  </Box>
);

export const OverviewInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    <ProposalFacts />
    <TextInput source="title" validate={validateTitle} fullWidth helperText="cf.proposals.help.title" />
    <TextInput
      source="summary"
      validate={validateSummary}
      multiline
      minRows={4}
      fullWidth
      helperText="cf.proposals.help.summary"
    />
    <CheckboxGroupInput source="sectors" choices={sectorChoices} helperText="cf.proposals.help.sectors" />
    <TextArrayInput source="areasOfFocus" validate={validateFocus} helperText="cf.proposals.help.areas_of_focus" fullWidth />
    <CheckboxGroupInput source="regionsServed" choices={servedRegionChoices} helperText="cf.proposals.help.regions" />
  </Box>
);

export const MicroCredentialInputs = ({ fund }: { fund: Fund | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const window =
    fund?.launchEarliest || fund?.launchLatest
      ? translate('cf.proposals.help.launch_window', {
          from: formatCalendarDate(fund?.launchEarliest, locale) || '—',
          to: formatCalendarDate(fund?.launchLatest, locale) || '—',
        })
      : undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <SectionIntro text="cf.proposals.help.micro_credentials" />
      <ArrayInput source="microCredentials" label="resources.proposals.fields.microCredentials">
        <SimpleFormIterator inline fullWidth sx={wrapItems} getItemLabel={itemLabel(translate, 'microCredentials')}>
          <TextInput
            source="title"
            label="cf.proposal_items.microCredentials.title"
            fullWidth={false}
            validate={validateTitle}
            sx={{ width: 340 }}
          />
          <NumberInput
            source="hours"
            fullWidth={false}
            label="cf.proposal_items.microCredentials.hours"
            validate={validateCount}
            defaultValue={0}
            step={1}
            sx={{ width: 110 }}
          />
          <SelectInput
            source="deliveryMode"
            fullWidth={false}
            sx={{ width: 190 }}
            label="cf.proposal_items.microCredentials.deliveryMode"
            choices={deliveryModeChoices}
            validate={validateRequired}
            defaultValue="online"
          />
          <DateInput
            source="plannedLaunch"
            fullWidth={false}
            label="cf.proposal_items.microCredentials.plannedLaunch"
            validate={validateRequired}
            helperText={window}
            defaultValue={fund?.launchEarliest ?? undefined}
            sx={{ width: 190 }}
          />
          <NumberInput
            source="expectedEnrolment"
            fullWidth={false}
            label="cf.proposal_items.microCredentials.expectedEnrolment"
            validate={validateCount}
            defaultValue={0}
            step={1}
            sx={{ width: 170 }}
          />
          <BooleanInput
            source="workIntegratedLearning"
            label="cf.proposal_items.microCredentials.workIntegratedLearning"
            defaultValue={false}
          />
          <BooleanInput source="intendsOsap" label="cf.proposal_items.microCredentials.intendsOsap" defaultValue={false} />
          <BooleanInput source="stackable" label="cf.proposal_items.microCredentials.stackable" defaultValue={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

export const PartnerInputs = ({ proposalId, editable }: { proposalId: Identifier; editable: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <SectionIntro text="cf.proposals.help.partners" />
      <ArrayInput source="partners" label="resources.proposals.fields.partners">
        <SimpleFormIterator inline fullWidth sx={wrapItems} getItemLabel={itemLabel(translate, 'partners')}>
          <ReferenceInput source="partnerOrganizationId" reference="partner-organizations" sort={PARTNER_ORGANIZATION_SORT}>
            <AutocompleteInput
              optionText="name"
              label="cf.proposal_items.partners.partnerOrganizationId"
              validate={validateRequired}
              create={<PartnerOrganizationQuickCreate />}
              createItemLabel="cf.partners.create_named"
              createLabel="cf.partners.create_new"
              sx={{ width: 340, flexShrink: 0 }}
            />
          </ReferenceInput>
          <SelectInput
            source="role"
            fullWidth={false}
            sx={{ width: 230 }}
            label="cf.proposal_items.partners.role"
            choices={partnerRoleChoices}
            validate={validateRequired}
            defaultValue="co_designer"
          />
          <MoneyInput
            source="cashCents"
            sx={{ width: 200 }}
            label="cf.proposal_items.partners.cashCents"
            validate={validateAmount}
            defaultValue={0}
          />
          <MoneyInput
            source="inKindCents"
            sx={{ width: 200 }}
            label="cf.proposal_items.partners.inKindCents"
            validate={validateAmount}
            defaultValue={0}
          />
          <NumberInput
            source="hiringIntent"
            fullWidth={false}
            label="cf.proposal_items.partners.hiringIntent"
            validate={validateCount}
            defaultValue={0}
            step={1}
            sx={{ width: 140 }}
          />
          <NumberInput
            source="placements"
            fullWidth={false}
            label="cf.proposal_items.partners.placements"
            validate={validateCount}
            defaultValue={0}
            step={1}
            sx={{ width: 140 }}
          />
          <LetterOfSupportInput source="letterAttachmentId" proposalId={proposalId} editable={editable} />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

export const BudgetInputs = ({ fund }: { fund: Fund | undefined }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <SectionIntro text="cf.proposals.help.budget" />
      <ArrayInput source="budget" label="resources.proposals.fields.budget">
        <SimpleFormIterator inline fullWidth sx={wrapItems} getItemLabel={itemLabel(translate, 'budget')}>
          <SelectInput
            source="category"
            fullWidth={false}
            sx={{ width: 250 }}
            label="cf.proposal_items.budget.category"
            choices={budgetCategoryChoices}
            validate={validateRequired}
            defaultValue="curriculum_development"
          />
          <TextInput
            source="description"
            label="cf.proposal_items.budget.description"
            validate={validateDescription}
            fullWidth={false}
            sx={{ width: 340 }}
          />
          <MoneyInput
            source="requestedCents"
            sx={{ width: 200 }}
            label="cf.proposal_items.budget.requestedCents"
            validate={validateAmount}
            defaultValue={0}
          />
          <MoneyInput
            source="partnerCents"
            sx={{ width: 200 }}
            label="cf.proposal_items.budget.partnerCents"
            validate={validateAmount}
            defaultValue={0}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <BudgetTotals fund={fund} />
    </Box>
  );
};

export const ContactInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <SectionIntro text="cf.proposals.help.contacts" />
      <ArrayInput source="contacts" label="resources.proposals.fields.contacts">
        <SimpleFormIterator inline fullWidth sx={wrapItems} getItemLabel={itemLabel(translate, 'contacts')}>
          <TextInput
            source="name"
            fullWidth={false}
            sx={{ width: 240 }}
            label="cf.proposal_items.contacts.name"
            validate={[required(), maxLength(200)]}
          />
          <TextInput
            source="email"
            fullWidth={false}
            sx={{ width: 280 }}
            label="cf.proposal_items.contacts.email"
            type="email"
            validate={validateEmail}
          />
          <TextInput
            source="phone"
            fullWidth={false}
            label="cf.proposal_items.contacts.phone"
            type="tel"
            validate={validatePhone}
          />
          <TextInput
            source="role"
            fullWidth={false}
            sx={{ width: 240 }}
            label="cf.proposal_items.contacts.role"
            validate={validateShortText}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};
