/**
 * `pnpm start` (the last step of the README's start command, `exec`'d by scripts/start.sh) stops
 * cleanly however it is asked to: Ctrl-C in a terminal (SIGINT to the whole foreground process
 * group, pnpm and node at once) and SIGTERM to pnpm alone (a supervisor) both end in exit status 0
 * within seconds, with no process of the group left. The smoke test of the start command
 * (scripts/smoke-start.mjs) covers the third way, SIGINT to pnpm alone.
 *
 * The start script is `exec node --import tsx …`, so that pnpm's child is the server itself:
 * - pnpm runs scripts through `sh -c`, and Debian's dash kills itself with SIGINT after its child
 *   exits 0 on Ctrl-C (pnpm then said "ELIFECYCLE Command failed" and died by signal), while a
 *   SIGINT or SIGTERM to pnpm alone stopped at that shell (the server ran on, or was orphaned);
 * - the `tsx` command is a parent process that relays signals and, when the child has not
 *   acknowledged one within 30 ms, SIGKILLs it and exits 130, which a loaded machine hits.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `pnpm start` in its own process group on an ephemeral port and an in-memory store. */
async function start(): Promise<Started> {
  const child = spawn('pnpm', ['start'], { cwd: root, env: { ...process.env, PORT: '0', TEXTUS_DB: ':memory:' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1] as string);
      }
    }, 50);
    void exit.then(({ code, signal }) => {
      clearInterval(timer);
      reject(new Error(`pnpm start exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
  return { child, url, exit };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Sends the signal, then waits up to 10 s for the exit and 3 s more for the group to empty. */
async function stop(started: Started, signal: NodeJS.Signals, to: 'group' | 'pnpm'): Promise<{ code: number | null; signal: NodeJS.Signals | null; groupLeft: boolean }> {
  const pid = started.child.pid as number;
  try {
    process.kill(to === 'group' ? -pid : pid, signal);
    const exited = await Promise.race([started.exit, new Promise<undefined>((resolve) => setTimeout(resolve, 10_000))]);
    if (!exited) throw new Error(`pnpm start did not exit within 10 s of ${signal} to the ${to}`);
    const deadline = Date.now() + 3000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return { ...exited, groupLeft: groupAlive(pid) };
  } finally {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  }
}

describe('pnpm start', () => {
  it('stops on Ctrl-C (SIGINT to its process group) with exit status 0, leaving no process behind', async () => {
    const started = await start();
    const response = await fetch(`${started.url}/contacts/DQeeO69/conversations`, { headers: { authorization: 'Bearer u_demo.textus-demo-token-2f9a' } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(await stop(started, 'SIGINT', 'group')).toEqual({ code: 0, signal: null, groupLeft: false });
  }, 90_000);

  it('stops on SIGTERM to pnpm alone with exit status 0, leaving no process behind', async () => {
    const started = await start();
    expect(await stop(started, 'SIGTERM', 'pnpm')).toEqual({ code: 0, signal: null, groupLeft: false });
  }, 90_000);
});
