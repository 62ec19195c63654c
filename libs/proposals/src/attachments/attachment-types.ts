import { sniffFileType } from '@cf/storage';

export const ATTACHMENT_KINDS = ['letter_of_support', 'budget', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What may be uploaded, by content (magic numbers), never by file name or declared type. */
export const ALLOWED_TYPES = new Set(['application/pdf', DOCX, 'image/png', 'image/jpeg']);

/** Enough of the start of a file for the signatures above (DOCX needs to look into the zip). */
export const SNIFF_BYTES = 64 * 1024;

/** The type of a file from its first bytes; null when unknown. */
export const sniffedType = sniffFileType;
