import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  CheckboxGroupInput,
  DateInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { MoneyInput } from '../common/money-input';
import { TorontoDateTimeInput } from '../common/toronto-date-time-input';
import { institutionTypeChoices } from '../institutions/institution-choices';
import { fundStatusChoices } from './fund-choices';
import {
  validateCap,
  validateClosesAt,
  validateCriteria,
  validateCriterionCode,
  validateCriterionTitle,
  validateDescription,
  validateEnvelope,
  validateFundCode,
  validateGuidance,
  validateInstitutionTypes,
  validateLaunchLatest,
  validateName,
  validateOpensAt,
  validateScaleMax,
  validateScaleMin,
  validateStackMin,
  validateStatus,
  validateSubmissionsPerInstitution,
  validateTargetCredentials,
  validateWeight,
} from './fund-validation';

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography component="h2" variant="h3" sx={{ mt: 3, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

/** An empty date is no date (null), not "". */
const dateOrNull = (value: string) => (value ? value : null);

/** The inputs of the fund create and edit forms. */
export const FundInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    <Section title="cf.funds.sections.identity" />
    <TextInput source="code" validate={validateFundCode} helperText="cf.funds.code_help" />
    <TextInput source="nameEn" validate={validateName} fullWidth />
    <TextInput source="nameFr" validate={validateName} fullWidth />
    <TextInput source="descriptionEn" validate={validateDescription} multiline minRows={3} fullWidth />
    <TextInput source="descriptionFr" validate={validateDescription} multiline minRows={3} fullWidth />
    <SelectInput source="status" choices={fundStatusChoices} validate={validateStatus} />

    <Section title="cf.funds.sections.intake" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TorontoDateTimeInput source="opensAt" validate={validateOpensAt} />
      <TorontoDateTimeInput source="closesAt" validate={validateClosesAt} endOfMinute helperText="cf.funds.closes_help" />
    </Box>
    <CheckboxGroupInput
      source="eligibleInstitutionTypes"
      choices={institutionTypeChoices}
      validate={validateInstitutionTypes}
      row={false}
    />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <DateInput source="launchEarliest" parse={dateOrNull} />
      <DateInput source="launchLatest" parse={dateOrNull} validate={validateLaunchLatest} />
    </Box>

    <Section title="cf.funds.sections.money" />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <MoneyInput source="envelopeCents" validate={validateEnvelope} />
      <MoneyInput source="capSingleCents" validate={validateCap} />
      <MoneyInput source="capStackCents" validate={validateCap} />
    </Box>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <NumberInput source="stackMinCredentials" validate={validateStackMin} step={1} />
      <NumberInput source="submissionsPerInstitution" validate={validateSubmissionsPerInstitution} step={1} />
      <NumberInput source="targetCredentials" validate={validateTargetCredentials} step={1} />
    </Box>

    <Section title="cf.funds.sections.criteria" />
    <ArrayInput source="criteria" label="resources.funds.fields.criteria" validate={validateCriteria}>
      <SimpleFormIterator fullWidth getItemLabel={(index) => `#${index + 1}`}>
        <TextInput
          source="code"
          label="cf.funds.criterion.code"
          validate={validateCriterionCode}
          helperText="cf.funds.criterion.code_help"
        />
        <TextInput source="titleEn" label="cf.funds.criterion.titleEn" validate={validateCriterionTitle} fullWidth />
        <TextInput source="titleFr" label="cf.funds.criterion.titleFr" validate={validateCriterionTitle} fullWidth />
        <TextInput
          source="guidanceEn"
          label="cf.funds.criterion.guidanceEn"
          validate={validateGuidance}
          multiline
          minRows={2}
          fullWidth
          defaultValue=""
        />
        <TextInput
          source="guidanceFr"
          label="cf.funds.criterion.guidanceFr"
          validate={validateGuidance}
          multiline
          minRows={2}
          fullWidth
          defaultValue=""
        />
        <NumberInput source="weight" label="cf.funds.criterion.weight" validate={validateWeight} defaultValue={1} />
        <NumberInput
          source="scaleMin"
          label="cf.funds.criterion.scaleMin"
          validate={validateScaleMin}
          defaultValue={0}
          step={1}
        />
        <NumberInput
          source="scaleMax"
          label="cf.funds.criterion.scaleMax"
          validate={validateScaleMax}
          defaultValue={10}
          step={1}
        />
      </SimpleFormIterator>
    </ArrayInput>
  </Box>
);
