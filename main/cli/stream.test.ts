// Standard input, streamed output and the read-mode flags, as users and scripts meet them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, 'hash-workbench.cjs');
const cli = (args: string[], input?: string | Buffer) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-stream-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'tree', 'a.txt'), 'a');
  writeFileSync(join(dir, 'tree', 'sub', 'b.txt'), 'bb');
  writeFileSync(join(dir, 'tree', 'empty'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hash -', () => {
  it('hashes standard input as sha256sum - does, small and over 1 MiB', () => {
    for (const input of [Buffer.from('hello world\n'), randomBytes(3 * 1024 * 1024 + 11), Buffer.alloc(0)]) {
      const r = cli(['hash', '--algo', 'sha256', '--json', '-'], input);
      expect(r.code).toBe(0);
      const expected = execFileSync('sha256sum', ['-'], { input }).toString().split(' ')[0];
      const out = JSON.parse(r.stdout) as { files: { path: string; size: number; digests: { sha256: string } }[] };
      expect(out.files).toEqual([{ path: '-', size: input.length, digests: { sha256: expected }, implementations: { sha256: 'node' } }]);
    }
  });

  it('takes - among paths, in order', () => {
    const r = cli(['hash', '--algo', 'md5', join(dir, 'tree', 'a.txt'), '-'], 'stdin bytes');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => !l.startsWith(' '))).toEqual([join(dir, 'tree', 'a.txt'), '-', '']);
    expect(r.stdout).toContain(execFileSync('md5sum', ['-'], { input: 'stdin bytes' }).toString().split(' ')[0]);
  });

  it('a FIFO named as a path is still skipped with a note, not read', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['hash', '--algo', 'md5', fifo, join(dir, 'tree', 'a.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`skipped ${fifo}: a named pipe, not a file\n`);
  });
});

describe('check with standard input', () => {
  it('check - <paste> hashes standard input against the paste', () => {
    expect(cli(['check', '-', '900150983cd24fb0d6963f7d28e17f72'], 'abc').code).toBe(0);
    const r = cli(['check', '--json', '-', 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'], 'abd');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { file: string; size: number }).file).toBe('-');
  });

  it('check <file> - still reads the paste from standard input; check - - is a usage error', () => {
    expect(cli(['check', join(dir, 'tree', 'a.txt'), '-'], '0cc175b9c0f1b6a831c399e269772661').code).toBe(0);
    const r = cli(['check', '-', '-'], 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: check: standard input can be the file or the paste, not both/);
  });
});

describe('streamed output', () => {
  it('--json written file by file is the documented document, byte for byte', () => {
    const r = cli(['hash', '--algo', 'md5,sha1', '--json', join(dir, 'tree'), join(dir, 'missing')]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: { path: string }[] };
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.files.map((f) => f.path)).toEqual([
      join(dir, 'tree', 'a.txt'),
      join(dir, 'tree', 'empty'),
      join(dir, 'tree', 'sub', 'b.txt'),
      join(dir, 'missing'),
    ]);
    const none = cli(['hash', '--json', join(dir, 'missing')]);
    expect(none.stdout).toBe(`${JSON.stringify(JSON.parse(none.stdout), null, 2)}\n`);
  });

  it('sum streams a checksum file that sha256sum -c accepts', () => {
    const r = spawnSync(process.execPath, [BIN, 'sum', 'tree'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    writeFileSync(join(dir, 'SUMS'), r.stdout);
    expect(execFileSync('sha256sum', ['-c', 'SUMS'], { cwd: dir }).toString()).toBe('tree/a.txt: OK\ntree/empty: OK\ntree/sub/b.txt: OK\n');
  });

  it('--parallel-reads and --serial-reads give the same digests and exclude each other', () => {
    const a = cli(['hash', '--parallel-reads', join(dir, 'tree')]);
    const b = cli(['hash', '--serial-reads', join(dir, 'tree')]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const both = cli(['hash', '--parallel-reads', '--serial-reads', join(dir, 'tree')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('error: --parallel-reads and --serial-reads exclude each other\n');
  });

  it('--no-calibrate is taken by every hashing command', () => {
    expect(cli(['hash', '--no-calibrate', join(dir, 'tree', 'a.txt')]).code).toBe(0);
    expect(cli(['sum', join(dir, 'tree', 'a.txt'), '--no-calibrate']).code).toBe(0);
  });
});

describe('a reader that stops early', () => {
  it('`hash <folder> | head -1`: the pipe closed, the CLI stops quietly with 141 as coreutils do, no stack trace', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 6000; i++) writeFileSync(join(many, `f${i}`), `${i}`);
    const child = spawn(process.execPath, [BIN, 'hash', '--algo', 'sha256', many], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first piece, then close the pipe, as head does after its first line.
    await new Promise<void>((resolve) => child.stdout.once('data', () => (child.stdout.destroy(), resolve())));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
