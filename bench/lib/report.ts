/** Tables for the terminal and for docs/benchmarks.md, and the marked section of that file that the run replaces. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LatencySummary } from './stats';

export const BEGIN = '<!-- bench:begin — written by `npm run bench`; edit outside these markers -->';
export const END = '<!-- bench:end -->';

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
export const int = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');

/** One row: requests, rps, p50/p95/p99/max, errors. */
export function latencyRow(name: string, s: LatencySummary): (string | number)[] {
  const errs = Object.entries(s.errorsByStatus)
    .map(([k, v]) => `${v}×${k === '0' ? 'conn' : k}`)
    .join(', ');
  return [
    name,
    int(s.requests),
    int(s.rps),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
    s.errors ? `${s.errors} (${errs})` : '0',
  ];
}

export const LATENCY_HEAD = ['', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];

/** Replaces the marked section of the file (or appends it), keeping everything else. */
export function writeSection(file: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `${BEGIN}\n\n${body.trim()}\n\n${END}`;
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
