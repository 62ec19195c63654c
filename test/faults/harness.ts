/**
 * The fault suite's own servers and processes: a PostgreSQL cluster in a temporary folder on a free port, a
 * redis-server child, the built API and workers as child processes, and an SMTP sink. Nothing here touches the
 * machine's shared PostgreSQL (5432) or Redis (6379): those serve other people's tests at the same time.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, createWriteStream, existsSync, mkdirSync, WriteStream } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until<T>(
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ms: number,
  what: string,
  every = 50,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Processes to end however the test ends (a failed assertion, a timeout, Ctrl-C). */
const cleanups = new Set<() => void>();
function onExit(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const runAll = () => {
    for (const fn of cleanups) {
      try {
        fn();
      } catch {
        /* best effort */
      }
    }
    cleanups.clear();
  };
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      runAll();
      process.exit(130);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: the installed binaries, a cluster of our own

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const found = existsSync(base)
    ? spawnSync('ls', [base], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of found) if (existsSync(join(base, v, 'bin', 'pg_ctl'))) return join(base, v, 'bin');
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin');
}

export class OwnPostgres {
  private readonly bin = pgBin();
  private readonly asRoot = process.getuid?.() === 0;
  readonly data: string;
  readonly logFile: string;
  private removeHook?: () => void;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.data = join(dir, 'pgdata');
    this.logFile = join(dir, 'postgres.log');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb refuses root: run the server's tools as the postgres user then. */
  private run(tool: string, args: string[], allowFailure = false): string {
    const cmd = join(this.bin, tool);
    const r = this.asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0 && !allowFailure) {
      throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    }
    return r.stdout;
  }

  init(): void {
    mkdirSync(this.data, { recursive: true, mode: 0o700 });
    if (this.asRoot) {
      chownSync(this.dir, uidOf('postgres'), gidOf('postgres'));
      chownSync(this.data, uidOf('postgres'), gidOf('postgres'));
    }
    this.run('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    hookExit();
    this.removeHook = onExit(() => this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop'], true));
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.data,
      '-l',
      this.logFile,
      '-w',
      '-t',
      '30',
      '-o',
      // a throwaway cluster: no fsync (a clean stop still writes everything), its socket in its own folder
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ]);
  }

  /** A normal restart's stop: disconnects every session and shuts down cleanly. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  destroy(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop'], true);
    this.removeHook?.();
  }
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

// ---------------------------------------------------------------------------------------------------------------
// Redis: a redis-server child that keeps nothing on disk, like the machine's

export class OwnRedis {
  private child?: ChildProcess;
  private removeHook?: () => void;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    hookExit();
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    this.child = child;
    this.removeHook = onExit(() => child.kill('SIGKILL'));
    await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 10_000, 'redis-server');
    if (child.exitCode !== null) throw new Error(`redis-server did not start: ${out}`);
  }

  /** SHUTDOWN by SIGTERM; with no persistence every queued job is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await stopChild(this.child, signal);
    this.removeHook?.();
  }
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

// ---------------------------------------------------------------------------------------------------------------
// The product's processes

export interface ExitRecord {
  name: string;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  expected: boolean;
}

/** One of the product's processes (the API or a worker), restartable; its output goes to a log file. */
export class ProductProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private killing = false;
  private removeHook?: () => void;
  starts = 0;

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    private readonly cwd: string,
    private readonly exits: ExitRecord[],
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    hookExit();
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.log.write(`\n==== ${new Date().toISOString()} start #${++this.starts}\n`);
    const child = spawn(process.execPath, ['--enable-source-maps', this.main], {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.killing = false;
    const pid = child.pid!;
    child.once('exit', (code, signal) => {
      this.exits.push({ name: this.name, pid, code, signal, expected: this.killing });
      this.log?.write(`\n==== ${new Date().toISOString()} exit ${signal ?? code}${this.killing ? '' : ' (unexpected)'}\n`);
    });
    this.child = child;
    this.removeHook?.();
    this.removeHook = onExit(() => child.kill('SIGKILL'));
  }

  /** kill -9: no shutdown hook runs, sockets are cut, transactions in flight are rolled back by PostgreSQL. */
  async kill9(): Promise<void> {
    this.killing = true;
    await stopChild(this.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    this.killing = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await stopChild(child, 'SIGTERM');
      clearTimeout(timer);
    }
    this.removeHook?.();
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise<void>((r) => (this.log ? this.log.end(r) : r()));
    this.log = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// An SMTP sink: accepts every message (after a delay, like a real relay), records its Message-ID

export interface SinkMessage {
  messageId: string;
  outboxId: string;
  to: string;
  at: number;
}

/**
 * Just enough SMTP (RFC 5321) for nodemailer: EHLO without STARTTLS, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 * A message counts as delivered once its DATA is answered 250, which the sink does `delayMs` after the final dot,
 * so a worker killed while sending leaves no message behind.
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  /** How long the sink takes to accept a message; the scenario slows it down to catch workers mid-send. */
  constructor(public delayMs: number) {}

  async listen(): Promise<number> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return (this.server.address() as { port: number }).port;
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('latin1');
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let to = '';
    reply('220 faults-sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        const end = buffer.indexOf('\r\n');
        if (end < 0) break;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const message = data.join('\r\n');
            data = [];
            const rcpt = to;
            setTimeout(() => {
              if (socket.destroyed) return; // the sender died before the answer: not delivered
              const header = (name: string) =>
                new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(message.split('\r\n\r\n')[0])?.[1].trim() ?? '';
              this.messages.push({ messageId: header('Message-ID'), outboxId: header('X-Outbox-Id'), to: rcpt, at: Date.now() });
              reply('250 2.0.0 queued');
            }, this.delayMs);
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-faults-sink');
          reply('250-8BITMIME');
          reply('250 SMTPUTF8');
        } else if (verb === 'HELO') reply('250 faults-sink');
        else if (verb === 'MAIL') reply('250 2.1.0 ok');
        else if (verb === 'RCPT') {
          to = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else reply('502 5.5.2 not implemented');
      }
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
