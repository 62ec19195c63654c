import { createContext, useContext } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  DataTable,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
  useFieldValue,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type FieldProps,
  type Identifier,
} from 'react-admin';
import { DateTimeField } from '../common/date-time-field';
import { MoneyField } from '../common/money-field';
import { formatCents, requestCapCents } from '../common/money';
import { sectorChoices } from '../common/choices';
import { errorMessage } from '../common/api-error';
import { formatCalendarDate, formatTorontoDateTime } from '../common/zoned-time';
import { localized } from '../funds/fund-choices';
import type { Fund, Proposal, ProposalPartner } from '../types';
import { useAttachmentDownload } from './attachment-upload';
import { budgetCategoryChoices, deliveryModeChoices, partnerRoleChoices, servedRegionChoices } from './proposal-choices';
import { ProposalFacts } from './proposal-inputs';
import { useProposalAttachments, useProposalExtensions, useProposalSubmissions } from './proposal-queries';

/** A list of values as translated chips (sectors, regions) or as they are (areas of focus). */
const ChipsField = ({ source, choices }: FieldProps & { choices?: { id: string; name: string }[] }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string[] | undefined;
  if (!Array.isArray(value) || value.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((v) => {
        const choice = choices?.find((c) => c.id === v);
        return <Chip key={v} size="small" label={choice ? translate(choice.name) : v} />;
      })}
    </Stack>
  );
};

const CalendarField = ({ source }: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useFieldValue({ source }) as string | undefined;
  return <Typography variant="body2">{value ? formatCalendarDate(value, locale) : '—'}</Typography>;
};

const MultilineText = ({ source }: FieldProps) => {
  const value = useFieldValue({ source }) as string | undefined;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
      {value || '—'}
    </Typography>
  );
};

export const OverviewSection = () => {
  const record = useRecordContext<Proposal>();
  return (
    <Stack spacing={1.5} sx={{ maxWidth: 960 }}>
      <ProposalFacts />
      <Labeled source="title">
        <TextField source="title" emptyText="—" />
      </Labeled>
      <Labeled source="summary">
        <MultilineText source="summary" />
      </Labeled>
      <Labeled source="sectors">
        <ChipsField source="sectors" choices={sectorChoices} />
      </Labeled>
      <Labeled source="areasOfFocus">
        <ChipsField source="areasOfFocus" />
      </Labeled>
      <Labeled source="regionsServed">
        <ChipsField source="regionsServed" choices={servedRegionChoices} />
      </Labeled>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled source="requestedCents">
          <MoneyField source="requestedCents" />
        </Labeled>
        <Labeled source="partnerContributionCents">
          <MoneyField source="partnerContributionCents" />
        </Labeled>
        <Labeled source="lastSubmittedAt">
          <DateTimeField source="lastSubmittedAt" emptyText="—" />
        </Labeled>
        <Labeled source="submittedVersion">
          <NumberField source="submittedVersion" />
        </Labeled>
      </Box>
      {record?.screenedAt ? (
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled source="screenedAt">
            <DateTimeField source="screenedAt" />
          </Labeled>
          <Labeled source="screeningReasons">
            <MultilineText source="screeningReasons" />
          </Labeled>
        </Box>
      ) : null}
      {record?.withdrawnAt ? (
        <Labeled source="withdrawnAt">
          <DateTimeField source="withdrawnAt" />
        </Labeled>
      ) : null}
    </Stack>
  );
};

export const MicroCredentialsSection = () => (
  <ArrayField source="microCredentials">
    <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyNote />}>
      <DataTable.Col source="title" label="cf.proposal_items.microCredentials.title" disableSort />
      <DataTable.NumberCol source="hours" label="cf.proposal_items.microCredentials.hours" disableSort />
      <DataTable.Col source="deliveryMode" label="cf.proposal_items.microCredentials.deliveryMode" disableSort>
        <SelectField source="deliveryMode" choices={deliveryModeChoices} />
      </DataTable.Col>
      <DataTable.Col source="plannedLaunch" label="cf.proposal_items.microCredentials.plannedLaunch" disableSort>
        <CalendarField source="plannedLaunch" />
      </DataTable.Col>
      <DataTable.NumberCol source="expectedEnrolment" label="cf.proposal_items.microCredentials.expectedEnrolment" disableSort />
      <DataTable.Col
        source="workIntegratedLearning"
        label="cf.proposal_items.microCredentials.workIntegratedLearning"
        disableSort
      >
        <BooleanField source="workIntegratedLearning" />
      </DataTable.Col>
      <DataTable.Col source="intendsOsap" label="cf.proposal_items.microCredentials.intendsOsap" disableSort>
        <BooleanField source="intendsOsap" />
      </DataTable.Col>
      <DataTable.Col source="stackable" label="cf.proposal_items.microCredentials.stackable" disableSort>
        <BooleanField source="stackable" />
      </DataTable.Col>
    </DataTable>
  </ArrayField>
);

const EmptyNote = () => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate('cf.proposals.section_empty')}</Typography>;
};

/** The partner's letter of support: its file name, to download. */
const LetterField = () => {
  const partner = useRecordContext<ProposalPartner & { id: string }>();
  const proposalId = useContext(ProposalIdContext);
  const translate = useTranslate();
  const { data: attachments = [] } = useProposalAttachments(proposalId);
  const download = useAttachmentDownload();
  if (!partner?.letterAttachmentId) return <Typography variant="body2">{translate('cf.letters.none')}</Typography>;
  const letter = attachments.find((a) => a.id === partner.letterAttachmentId);
  if (!letter) return <Typography variant="body2">{translate('cf.letters.on_file')}</Typography>;
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download(letter)} sx={{ textTransform: 'none' }}>
      {letter.fileName}
    </Button>
  );
};

/** The proposal's id (inside an ArrayField, the record context is the item). */
const ProposalIdContext = createContext<Identifier | undefined>(undefined);

export const PartnersSection = () => {
  const record = useRecordContext<Proposal>();
  return (
    <ProposalIdContext.Provider value={record?.id}>
      <ArrayField source="partners">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyNote />}>
          <DataTable.Col source="partnerOrganizationId" label="cf.proposal_items.partners.partnerOrganizationId" disableSort>
            <ReferenceField source="partnerOrganizationId" reference="partner-organizations" />
          </DataTable.Col>
          <DataTable.Col source="role" label="cf.proposal_items.partners.role" disableSort>
            <SelectField source="role" choices={partnerRoleChoices} />
          </DataTable.Col>
          <DataTable.Col source="cashCents" label="cf.proposal_items.partners.cashCents" disableSort>
            <MoneyField source="cashCents" />
          </DataTable.Col>
          <DataTable.Col source="inKindCents" label="cf.proposal_items.partners.inKindCents" disableSort>
            <MoneyField source="inKindCents" />
          </DataTable.Col>
          <DataTable.NumberCol source="hiringIntent" label="cf.proposal_items.partners.hiringIntent" disableSort />
          <DataTable.NumberCol source="placements" label="cf.proposal_items.partners.placements" disableSort />
          <DataTable.Col source="letterAttachmentId" label="cf.proposal_items.partners.letterAttachmentId" disableSort>
            <LetterField />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </ProposalIdContext.Provider>
  );
};

export const BudgetSection = ({ fund }: { fund: Fund | undefined }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const cap = fund && record ? requestCapCents(fund, record.microCredentials) : null;
  return (
    <Box sx={{ width: '100%' }}>
      <ArrayField source="budget">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyNote />}>
          <DataTable.Col source="category" label="cf.proposal_items.budget.category" disableSort>
            <SelectField source="category" choices={budgetCategoryChoices} />
          </DataTable.Col>
          <DataTable.Col source="description" label="cf.proposal_items.budget.description" disableSort />
          <DataTable.Col source="requestedCents" label="cf.proposal_items.budget.requestedCents" disableSort>
            <MoneyField source="requestedCents" />
          </DataTable.Col>
          <DataTable.Col source="partnerCents" label="cf.proposal_items.budget.partnerCents" disableSort>
            <MoneyField source="partnerCents" />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
      {record ? (
        <Table size="small" sx={{ maxWidth: 640, mt: 2 }}>
          <TableBody>
            <TableRow>
              <TableCell component="th" scope="row">
                {translate('cf.budget.requested_total')}
              </TableCell>
              <TableCell align="right">{formatCents(record.requestedCents, locale)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="row">
                {translate('cf.budget.partner_total')}
              </TableCell>
              <TableCell align="right">{formatCents(record.partnerContributionCents, locale)}</TableCell>
            </TableRow>
            {cap !== null && record.microCredentials.length > 0 ? (
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('cf.budget.cap', { smart_count: record.microCredentials.length })}
                </TableCell>
                <TableCell align="right">{formatCents(cap, locale)}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
};

export const NarrativesSection = ({ fund }: { fund: Fund | undefined }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record || !fund) return null;
  return (
    <Box sx={{ maxWidth: 960 }}>
      {fund.criteria.map((criterion) => (
        <Box component="section" key={criterion.code} sx={{ mb: 3 }}>
          <Typography component="h3" variant="h6">
            {localized(criterion, 'title', locale)}
          </Typography>
          <Typography variant="caption" component="p" sx={{ whiteSpace: 'pre-line', mb: 1 }}>
            {localized(criterion, 'guidance', locale)}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {record.narratives?.[criterion.code]?.trim() || translate('cf.narratives.no_answer')}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

export const ContactsSection = () => (
  <ArrayField source="contacts">
    <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyNote />}>
      <DataTable.Col source="name" label="cf.proposal_items.contacts.name" disableSort />
      <DataTable.Col source="email" label="cf.proposal_items.contacts.email" disableSort />
      <DataTable.Col source="phone" label="cf.proposal_items.contacts.phone" disableSort />
      <DataTable.Col source="role" label="cf.proposal_items.contacts.role" disableSort />
    </DataTable>
  </ArrayField>
);

/** Every submission of the proposal: an immutable, versioned snapshot with its receipt. */
export const SubmissionsSection = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useProposalSubmissions(record?.id);
  if (!record) return null;
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (error) return <Typography color="error">{errorMessage(error)}</Typography>;
  if (!data || data.length === 0) return <Typography variant="body2">{translate('cf.submissions.none')}</Typography>;
  return (
    <Table size="small" aria-label={translate('cf.proposals.tabs.submissions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('cf.receipt.version')}</TableCell>
          <TableCell>{translate('cf.receipt.tracking_number')}</TableCell>
          <TableCell>{translate('cf.receipt.submitted_at')}</TableCell>
          <TableCell>{translate('cf.receipt.on_time_by')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((submission) => (
          <TableRow key={submission.version}>
            <TableCell>{submission.version}</TableCell>
            <TableCell>{submission.trackingNumber}</TableCell>
            <TableCell>{formatTorontoDateTime(submission.submittedAt, locale, 'long')}</TableCell>
            <TableCell>{translate(`cf.receipt.on_time.${submission.onTimeBy}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The deadline extensions granted to the proposal (the latest counts). */
export const ExtensionsSection = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useProposalExtensions(record?.id);
  if (!record) return null;
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (error) return <Typography color="error">{errorMessage(error)}</Typography>;
  if (!data || data.length === 0) return <Typography variant="body2">{translate('cf.extensions.none')}</Typography>;
  return (
    <Table size="small" aria-label={translate('cf.proposals.tabs.extensions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('cf.extensions.until')}</TableCell>
          <TableCell>{translate('cf.extensions.reason')}</TableCell>
          <TableCell>{translate('cf.extensions.granted_at')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((extension) => (
          <TableRow key={extension.id}>
            <TableCell>{formatTorontoDateTime(extension.until, locale, 'long')}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-line' }}>{extension.reason}</TableCell>
            <TableCell>{formatTorontoDateTime(extension.grantedAt, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
