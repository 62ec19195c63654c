import { useRef, type ReactNode } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ACCEPTED_FILES } from './attachment-upload';

/** A button that opens the file picker (a real <input type="file">, labelled for screen readers). */
export const FilePickButton = ({
  label,
  onFile,
  disabled,
  busy,
  icon,
  testId,
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  busy?: boolean;
  icon?: ReactNode;
  testId?: string;
}) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Button
      component="label"
      variant="outlined"
      size="small"
      disabled={disabled || busy}
      startIcon={busy ? <CircularProgress size={16} /> : (icon ?? <UploadFileIcon />)}
    >
      {translate(label)}
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPTED_FILES}
        data-testid={testId}
        aria-label={translate(label)}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // the same file may be picked again later
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </Button>
  );
};
