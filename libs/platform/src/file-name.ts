/**
 * Why a client's file name is refused, or null when it is a plain name. A name that carries a path
 * (`../../etc/passwd`, `C:\Users\x.pdf`, `/etc/passwd`, `..`), a NUL or another control character is refused rather
 * than cleaned up (issue 7): files are stored under keys the server makes, and the name is only shown and offered
 * back on download, so a client sending such a name is not a browser uploading a file.
 */
export function fileNameProblem(name: string | undefined): string | null {
  if (name === undefined) return null;
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'must be a plain file name, without a path';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must be a file name without control characters';
  return null;
}
