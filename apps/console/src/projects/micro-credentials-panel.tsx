import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Loading, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorMessage, errorProblems } from '../common/api-error';
import type { AppDataProvider } from '../providers/data-provider';
import { DELIVERY_MODES, SECTORS } from '../types';
import { useProjectCan } from './project-access';
import { CalendarDate } from './project-fields';
import { projectErrorText, torontoToday } from './project-format';
import { useProjectMicroCredentials } from './project-queries';
import {
  OSAP_STATUSES,
  type OsapStatus,
  type Project,
  type ProjectMicroCredential,
  type ProjectMicroCredentialInput,
} from './project-types';

const OSAP_COLORS: Record<OsapStatus, 'default' | 'primary' | 'success' | 'error'> = {
  not_submitted: 'default',
  submitted: 'primary',
  approved: 'success',
  not_approved: 'error',
};

const NUMBERS = ['hours', 'expectedEnrolment', 'enrolled', 'completed'] as const;
const DATES = ['plannedLaunchOn', 'launchedOn', 'osapStatusOn'] as const;

type FormValues = Omit<ProjectMicroCredentialInput, (typeof NUMBERS)[number]> & Record<(typeof NUMBERS)[number], string>;

const EMPTY: FormValues = {
  title: '',
  sector: 'other',
  areaOfFocus: '',
  deliveryMode: 'online',
  hours: '',
  plannedLaunchOn: null,
  launchedOn: null,
  osapStatus: 'not_submitted',
  osapStatusOn: null,
  expectedEnrolment: '0',
  enrolled: '0',
  completed: '0',
  workIntegratedLearning: false,
  stackable: false,
};

const valuesOf = (mc: ProjectMicroCredential | null): FormValues =>
  mc
    ? {
        title: mc.title,
        sector: mc.sector,
        areaOfFocus: mc.areaOfFocus,
        deliveryMode: mc.deliveryMode,
        hours: String(mc.hours),
        plannedLaunchOn: mc.plannedLaunchOn,
        launchedOn: mc.launchedOn,
        osapStatus: mc.osapStatus,
        osapStatusOn: mc.osapStatusOn,
        expectedEnrolment: String(mc.expectedEnrolment),
        enrolled: String(mc.enrolled),
        completed: String(mc.completed),
        workIntegratedLearning: mc.workIntegratedLearning,
        stackable: mc.stackable,
      }
    : EMPTY;

/**
 * Adds or updates a funded micro-credential's record (the institution): launch, delivery, hours, OSAP approval and
 * enrolment figures. Changing the OSAP status dates it today (Toronto) unless another date is given. The server's
 * problems (completed > enrolled, learners before the launch, a future launch…) show on their fields.
 */
const MicroCredentialDialog = ({
  project,
  record,
  open,
  onClose,
}: {
  project: Project;
  record: ProjectMicroCredential | null;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [values, setValues] = useState<FormValues>(() => valuesOf(record));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idp = record ? `mc-${record.id}` : 'mc-new';
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const save = async () => {
    const local: Record<string, string> = {};
    if (!values.title.trim()) local.title = translate('ra.validation.required');
    const numbers = Object.fromEntries(
      NUMBERS.map((k) => {
        const text = values[k].trim();
        if (!/^\d+$/.test(text)) local[k] = translate('cf.validation.whole_number');
        return [k, Number(text)];
      }),
    ) as Record<(typeof NUMBERS)[number], number>;
    setProblems(local);
    setError(null);
    if (Object.keys(local).length) return;
    const body: ProjectMicroCredentialInput = {
      ...values,
      ...numbers,
      title: values.title.trim(),
      areaOfFocus: values.areaOfFocus.trim(),
      ...Object.fromEntries(DATES.map((k) => [k, values[k] || null])),
    };
    setBusy(true);
    try {
      if (record) await dataProvider.updateProjectMicroCredential(project.id, record.id, { ...body, version: record.version });
      else await dataProvider.createProjectMicroCredential(project.id, body);
      notify(record ? 'cf.projects.micro_credentials.updated' : 'cf.projects.micro_credentials.created', {
        type: 'success',
        messageArgs: { title: body.title },
      });
      onClose();
      refresh();
    } catch (e) {
      setProblems(Object.fromEntries(errorProblems(e).map((p) => [p.field, p.reason])));
      setError(projectErrorText(translate, e, locale));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'title' | 'areaOfFocus' | (typeof NUMBERS)[number], numeric = false) => (
    <TextField
      id={`${idp}-${key}`}
      label={translate(`cf.projects.micro_credentials.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      required={key === 'title'}
      error={!!problems[key]}
      helperText={problems[key] ?? ' '}
      size="small"
      fullWidth={!numeric}
      sx={numeric ? { width: 200 } : undefined}
      slotProps={{
        htmlInput: numeric ? { inputMode: 'numeric', autoComplete: 'off' } : { maxLength: key === 'title' ? 300 : 200 },
      }}
    />
  );

  const date = (key: (typeof DATES)[number]) => (
    <TextField
      id={`${idp}-${key}`}
      type="date"
      label={translate(`cf.projects.micro_credentials.fields.${key}`)}
      value={values[key] ?? ''}
      onChange={(e) => set(key, e.target.value || null)}
      error={!!problems[key]}
      helperText={problems[key] ?? translate(`cf.projects.micro_credentials.help.${key}`)}
      size="small"
      sx={{ width: 240 }}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  const select = <K extends 'sector' | 'deliveryMode' | 'osapStatus'>(key: K, options: readonly string[], prefix: string) => (
    <TextField
      id={`${idp}-${key}`}
      select
      label={translate(`cf.projects.micro_credentials.fields.${key}`)}
      value={values[key]}
      onChange={(e) => {
        const value = e.target.value as FormValues[K];
        if (key === 'osapStatus') {
          // a new status takes effect today unless the institution gives its date
          const stored = record?.osapStatus ?? 'not_submitted';
          setValues((v) => ({
            ...v,
            osapStatus: value as OsapStatus,
            osapStatusOn: value === 'not_submitted' ? null : value === stored ? (record?.osapStatusOn ?? null) : torontoToday(),
          }));
        } else set(key, value);
      }}
      error={!!problems[key]}
      helperText={problems[key] ?? ' '}
      size="small"
      sx={{ minWidth: 240 }}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {translate(`${prefix}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Dialog open={open} onClose={() => !busy && onClose()} aria-labelledby={`${idp}-title`} fullWidth maxWidth="md">
      <DialogTitle id={`${idp}-title`}>
        {record
          ? translate('cf.projects.micro_credentials.edit_title', { title: record.title })
          : translate('cf.projects.micro_credentials.add_title')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          {text('title')}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {select('sector', SECTORS, 'cf.sectors')}
            {select('deliveryMode', DELIVERY_MODES, 'cf.delivery_modes')}
          </Stack>
          {text('areaOfFocus')}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {text('hours', true)}
            {date('plannedLaunchOn')}
            {date('launchedOn')}
          </Stack>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {select('osapStatus', OSAP_STATUSES, 'cf.projects.osap_statuses')}
            {date('osapStatusOn')}
          </Stack>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {text('expectedEnrolment', true)}
            {text('enrolled', true)}
            {text('completed', true)}
          </Stack>
          <Stack direction="row" spacing={2}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={values.workIntegratedLearning}
                  onChange={(e) => set('workIntegratedLearning', e.target.checked)}
                />
              }
              label={translate('cf.projects.micro_credentials.fields.workIntegratedLearning')}
            />
            <FormControlLabel
              control={<Checkbox checked={values.stackable} onChange={(e) => set('stackable', e.target.checked)} />}
              label={translate('cf.projects.micro_credentials.fields.stackable')}
            />
          </Stack>
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The project's funded micro-credentials: launch, delivery mode, hours, OSAP approval and enrolments. The institution
 * adds and updates them; staff read them.
 */
export const MicroCredentialsPanel = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const can = useProjectCan();
  const { data, isPending, error } = useProjectMicroCredentials(project.id);
  const [editing, setEditing] = useState<ProjectMicroCredential | null | undefined>(undefined);
  const editable = can('keep_micro_credentials') && project.status !== 'cancelled';
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;

  return (
    <Box component="section" aria-labelledby="micro-credentials-heading">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="micro-credentials-heading" component="h2" variant="h6">
          {translate('cf.projects.micro_credentials.title')}
        </Typography>
        {editable ? (
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setEditing(null)}>
            {translate('cf.projects.micro_credentials.add')}
          </Button>
        ) : null}
      </Stack>
      {data.length === 0 ? (
        <Typography variant="body2">{translate('cf.projects.micro_credentials.none')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="micro-credentials-heading">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cf.projects.micro_credentials.fields.title')}</TableCell>
              <TableCell>{translate('cf.projects.micro_credentials.fields.sector')}</TableCell>
              <TableCell>{translate('cf.projects.micro_credentials.fields.deliveryMode')}</TableCell>
              <TableCell align="right">{translate('cf.projects.micro_credentials.fields.hours')}</TableCell>
              <TableCell>{translate('cf.projects.micro_credentials.launch')}</TableCell>
              <TableCell>{translate('cf.projects.micro_credentials.fields.osapStatus')}</TableCell>
              <TableCell align="right">{translate('cf.projects.micro_credentials.fields.expectedEnrolment')}</TableCell>
              <TableCell align="right">{translate('cf.projects.micro_credentials.fields.enrolled')}</TableCell>
              <TableCell align="right">{translate('cf.projects.micro_credentials.fields.completed')}</TableCell>
              {editable ? <TableCell>{translate('cf.projects.fields.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((mc) => (
              <TableRow key={mc.id}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {mc.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {mc.areaOfFocus}
                  </Typography>
                </TableCell>
                <TableCell>{translate(`cf.sectors.${mc.sector}`, { _: mc.sector })}</TableCell>
                <TableCell>{translate(`cf.delivery_modes.${mc.deliveryMode}`, { _: mc.deliveryMode })}</TableCell>
                <TableCell align="right">{mc.hours}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {mc.launchedOn ? (
                    <>
                      {translate('cf.projects.micro_credentials.launched_on')} <CalendarDate value={mc.launchedOn} />
                    </>
                  ) : (
                    <>
                      {translate('cf.projects.micro_credentials.planned_on')} <CalendarDate value={mc.plannedLaunchOn} />
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                    <Chip
                      size="small"
                      color={OSAP_COLORS[mc.osapStatus]}
                      variant={mc.osapStatus === 'not_submitted' ? 'outlined' : 'filled'}
                      label={translate(`cf.projects.osap_statuses.${mc.osapStatus}`)}
                      data-testid={`osap-${mc.id}`}
                    />
                    {mc.osapStatusOn ? (
                      <Typography variant="caption">
                        <CalendarDate value={mc.osapStatusOn} />
                      </Typography>
                    ) : null}
                  </Stack>
                </TableCell>
                <TableCell align="right">{mc.expectedEnrolment}</TableCell>
                <TableCell align="right">{mc.enrolled}</TableCell>
                <TableCell align="right">{mc.completed}</TableCell>
                {editable ? (
                  <TableCell>
                    <Button
                      size="small"
                      startIcon={<EditIcon />}
                      onClick={() => setEditing(mc)}
                      aria-label={translate('cf.projects.micro_credentials.edit_named', { title: mc.title })}
                    >
                      {translate('ra.action.edit')}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing !== undefined ? (
        <MicroCredentialDialog
          key={editing?.id ?? 'new'}
          project={project}
          record={editing}
          open
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Box>
  );
};
