/**
 * The benchmarks of the later issues, run as they are (`npm run bench:assign`, `bench:optimize`, `bench:assign:db`,
 * `bench:submit`), each in its own process; the JSON figures they print are collected.
 */
import { spawn } from 'node:child_process';
import { ROOT } from '../lib/procs';

export interface LaterResult {
  script: string;
  ok: boolean;
  wallMs: number;
  figures: Record<string, unknown>[];
  tail: string;
}

/** Every balanced top-level `{...}` of the output that parses as JSON. */
function jsonObjects(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        try {
          out.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          // not JSON
        }
      }
    }
  }
  return out;
}

export function runLater(script: string): Promise<LaterResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (c) => (text += c));
    child.stderr.on('data', (c) => (text += c));
    child.on('exit', (code) =>
      resolve({
        script,
        ok: code === 0,
        wallMs: performance.now() - t0,
        figures: jsonObjects(text),
        tail: text.split('\n').slice(-15).join('\n'),
      }),
    );
  });
}
