/**
 * The `hyperld` binary as built, installed in a temporary project: its package.json and `dist/`
 * (ESM `bin.js` and its CommonJS twin) under `node_modules/@hyperld/cli`, the workspace packages
 * it imports linked in and run from source (with tsx), so that no `pnpm build` of them is needed.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildPackage, PACKAGES } from './build-package.js';

const exec = promisify(execFile);
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a run of the binary gave. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary project holding the built tool. */
export interface BuiltCli {
  /** The project's folder (the binary runs there). */
  readonly project: string;
  /** Links the workspace packages and builds the tool into the project. */
  install(): Promise<void>;
  /** Runs `dist/<bin>` with its arguments in the project; resolves to its exit status and output. */
  run(bin: string, args: readonly string[]): Promise<CliRun>;
  /** Removes the project. */
  remove(): void;
}

/**
 * A temporary project for the built tool (created now, filled by `install`).
 *
 * @param prefix - the temporary folder's name prefix.
 * @returns the project.
 */
export function builtCli(prefix: string): BuiltCli {
  const project = mkdtempSync(join(tmpdir(), prefix));
  const cli = join(project, 'node_modules', '@hyperld', 'cli');
  return {
    project,
    async install() {
      mkdirSync(cli, { recursive: true });
      copyFileSync(new URL('cli/package.json', PACKAGES), join(cli, 'package.json'));
      for (const name of ['core', 'hydra', 'textus', 'apidocs']) symlinkSync(fileURLToPath(new URL(name, PACKAGES)), join(project, 'node_modules', '@hyperld', name), 'dir');
      await buildPackage('cli', join(cli, 'dist'));
    },
    async run(bin, args) {
      const env = { ...process.env };
      delete env['NODE_OPTIONS'];
      try {
        const { stdout, stderr } = await exec(process.execPath, ['--conditions=@hyperld/source', '--import', tsxLoader, join(cli, 'dist', bin), ...args], { cwd: project, env });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const { code, stdout, stderr } = error as { code?: unknown; stdout?: string; stderr?: string };
        if (typeof code !== 'number') throw error;
        return { code, stdout: stdout ?? '', stderr: stderr ?? '' };
      }
    },
    remove: () => rmSync(project, { recursive: true, force: true }),
  };
}
