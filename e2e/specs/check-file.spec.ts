// Check a file, end to end: the built renderer in Chromium, the real handler table behind it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixture.js';

const openssl = (alg: string, path: string) =>
  execFileSync('openssl', ['dgst', `-${alg}`, '-r', path])
    .toString()
    .split(' ')[0];

test('drop a file and see every digest equal to openssl dgst', async ({ hw }) => {
  const file = join(hw.dataDir, 'download.iso');
  writeFileSync(file, Buffer.from(Array.from({ length: 5_000_000 }, (_, i) => (i * 31) % 251)));
  await expect(hw.page.getByTestId('empty-state')).toBeVisible();
  await hw.shot('check-file-empty-light');
  await hw.drop([file]);
  const card = hw.page.getByTestId('hash-card').first();
  await expect(card).toHaveAttribute('data-status', 'done');
  // The first run computes the six common algorithms; SHA-256, the one the lists show, comes first.
  for (const id of ['md5', 'sha1', 'sha256', 'sha512'] as const) {
    await expect(card.getByTestId(`digest-${id}`).getByTestId('digest-value'), id).toHaveText(openssl(id, file)!);
  }
  await expect(card.locator('tr[data-testid^="digest-"]')).toHaveCount(6);
  await expect(card.locator('tr[data-testid^="digest-"]').first()).toHaveAttribute('data-testid', 'digest-sha256');
  await expect(card.getByRole('heading', { level: 2 })).toContainText('download.iso');
  await hw.shot('check-file-done-light');
  // The encoding switch: MD5 in the OutSystems form is the base64 of the same bytes, '/' as '_', no '='.
  await hw.page.getByTestId('encoding').selectOption('outsystems');
  const b64 = Buffer.from(openssl('md5', file)!, 'hex').toString('base64').replace(/\//g, '_').replace(/=+$/, '');
  await expect(card.getByTestId('digest-md5').getByTestId('digest-value')).toHaveText(b64);
  await hw.page.emulateMedia({ colorScheme: 'dark' });
  await hw.shot('check-file-done-dark');
  await hw.page.emulateMedia({ colorScheme: 'light' });
  await hw.page.getByTestId('encoding').selectOption('hex');
  // All 26 on request: the next file gets SHA-3 and BLAKE2 too.
  await hw.page.getByTestId('algorithm-picker').locator('summary').click();
  await hw.page.getByTestId('algorithms-all').click();
  await hw.drop([file]);
  await expect(hw.page.getByTestId('hash-card')).toHaveCount(2);
  const all = hw.page.getByTestId('hash-card').first();
  await expect(all).toHaveAttribute('data-status', 'done');
  for (const [id, alg] of [
    ['sha3-256', 'sha3-256'],
    ['blake2b-512', 'blake2b512'],
  ] as const) {
    await expect(all.getByTestId(`digest-${id}`).getByTestId('digest-value'), id).toHaveText(openssl(alg, file)!);
  }
});

test('open a file from the dialog; a second file keeps the first card', async ({ hw }) => {
  const a = join(hw.dataDir, 'a.txt');
  const b = join(hw.dataDir, 'b.txt');
  writeFileSync(a, 'hello world');
  writeFileSync(b, 'abc');
  hw.dialogAnswers.push([a]);
  await hw.page.getByRole('button', { name: 'Open files…' }).click();
  await expect(hw.page.getByTestId('hash-card').first()).toHaveAttribute('data-status', 'done');
  hw.dialogAnswers.push([b]);
  await hw.page.getByRole('button', { name: 'Open files…' }).click();
  await expect(hw.page.getByTestId('hash-card')).toHaveCount(2);
  await expect(hw.page.getByTestId('hash-card').nth(1).getByTestId('digest-md5').getByTestId('digest-value')).toHaveText(
    '5eb63bbbe01eeed093cb22bb8f5acdc3',
  );
  await expect(hw.page.getByTestId('hash-card').nth(0).getByTestId('digest-sha256').getByTestId('digest-value')).toHaveText(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});

test('cancel a long hash: the card says Cancelled and the app stays usable', async ({ hw }) => {
  const big = join(hw.dataDir, 'big.bin');
  execFileSync('truncate', ['-s', '4G', big]);
  await hw.drop([big]);
  const card = hw.page.getByTestId('hash-card').first();
  await expect(card.getByTestId('progress-text')).toContainText('%', { timeout: 10_000 });
  await hw.shot('check-file-progress-light');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toHaveAttribute('data-status', 'cancelled');
  await expect(card.getByTestId('card-status')).toHaveText('Cancelled');
  expect(hw.services.jobs.size).toBe(0);
});

test('a path that was never chosen is refused by main with a clear error', async ({ hw }) => {
  const r = await hw.page.evaluate(() =>
    (window as unknown as { workbench: { hashFiles(r: unknown): Promise<unknown> } }).workbench.hashFiles({
      jobId: 'sneaky',
      paths: ['/etc/passwd'],
      algorithms: ['md5'],
    }),
  );
  expect(r).toMatchObject({
    ok: false,
    error: { code: 'REFUSED_PATH', message: expect.stringContaining('was not opened or dropped in Hash Workbench') },
  });
  // A malformed request is refused by the contract's validation.
  const bad = await hw.page.evaluate(() =>
    (window as unknown as { workbench: { hashFiles(r: unknown): Promise<unknown> } }).workbench.hashFiles({
      jobId: 'x',
      paths: 'not-a-list',
      algorithms: ['md5'],
    } as unknown),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  // The surface has named methods only: no generic invoke, no ipcRenderer.
  const keys = await hw.page.evaluate(() => Object.keys((window as unknown as { workbench: object }).workbench));
  expect(keys).not.toContain('invoke');
  expect(await hw.page.evaluate(() => typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined');
});

test('a dropped file that vanished shows its error on the card, and earlier results stay', async ({ hw }) => {
  const good = join(hw.dataDir, 'good.txt');
  writeFileSync(good, 'abc');
  await hw.drop([good]);
  await expect(hw.page.getByTestId('hash-card').first()).toHaveAttribute('data-status', 'done');
  await hw.drop([join(hw.dataDir, 'gone.txt')]);
  const failed = hw.page.getByTestId('hash-card').first();
  await expect(failed.getByTestId('file-error')).toContainText('no such file');
  await expect(failed).toHaveAttribute('data-status', 'failed');
  await expect(hw.page.getByTestId('hash-card').nth(1).getByTestId('digest-md5').getByTestId('digest-value')).toHaveText(
    '900150983cd24fb0d6963f7d28e17f72',
  );
  await hw.shot('check-file-error-light');
});

test('keyboard: the navigation and the open button are reachable with Tab, and at 200% zoom nothing overflows', async ({ hw }) => {
  await hw.page.keyboard.press('Tab');
  const focused = await hw.page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focused.length).toBeGreaterThan(0);
  await hw.page.setViewportSize({ width: 590, height: 400 });
  await hw.page.evaluate(() => {
    document.documentElement.style.zoom = '2';
  });
  const overflow = await hw.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await hw.shot('check-file-zoom200-light');
});

test('paste a matching and a non-matching hash', async ({ hw }) => {
  const file = join(hw.dataDir, 'hello.txt');
  writeFileSync(file, 'hello world');
  await hw.drop([file]);
  const card = hw.page.getByTestId('hash-card').first();
  await expect(card).toHaveAttribute('data-status', 'done');
  await card
    .getByTestId('paste-box')
    .fill(
      'Checksum failed for file /MyApp/a.js?XrY7u+Ae7tCTyyK7j1rNww Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: eZeyznlO_xx2+8Xt0B1UNg',
    );
  await expect(card.getByTestId('digest-md5')).toHaveAttribute('data-match', 'true');
  await expect(card.getByTestId('paste-result')).toContainText('MD5');
  await hw.shot('check-file-paste-match-light');
  await card.getByTestId('paste-box').fill('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde8');
  await expect(card.getByTestId('paste-result')).toContainText('No match');
  await expect(card.locator('[data-match="true"]')).toHaveCount(0);
  await card.getByTestId('paste-box').fill('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
  await expect(card.getByTestId('digest-sha256')).toHaveAttribute('data-match', 'true');
});

test('compare two files: the first difference with the bytes around it', async ({ hw }) => {
  const a = join(hw.dataDir, 'a.bin');
  const b = join(hw.dataDir, 'b.bin');
  writeFileSync(a, 'the same start, then A and the rest');
  writeFileSync(b, 'the same start, then B and the rest');
  hw.dialogAnswers.push([a]);
  await hw.page.getByTestId('compare-pick-a').click();
  hw.dialogAnswers.push([b]);
  await hw.page.getByTestId('compare-pick-b').click();
  await hw.page.getByTestId('compare-run').click();
  await expect(hw.page.getByTestId('compare-result')).toContainText('differ from byte 21');
  await hw.shot('check-file-compare-light');
});

test('a file deleted while it is hashed says so on its card, and the other file of the drop keeps its digests', async ({ hw }) => {
  const { unlinkSync } = await import('node:fs');
  const big = join(hw.dataDir, 'leaving.bin');
  const small = join(hw.dataDir, 'staying.txt');
  execFileSync('truncate', ['-s', '4G', big]);
  writeFileSync(small, 'abc');
  await hw.drop([small, big]);
  const card = hw.page.getByTestId('hash-card').first();
  await expect(card.getByTestId('progress-text')).toContainText('%', { timeout: 10_000 });
  unlinkSync(big);
  await expect(card.getByTestId('file-error')).toContainText('deleted', { timeout: 30_000 });
  await expect(card.getByTestId('digest-md5').first().getByTestId('digest-value')).toHaveText('900150983cd24fb0d6963f7d28e17f72');
});
