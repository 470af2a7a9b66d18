// Checksum files: verify one with a missing and a wrong entry; create one for hashed files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixture.js';

test('verify a checksum file: each line marked, the missing entry and the bad line explained', async ({ hw }) => {
  const dir = join(hw.dataDir, 'release');
  mkdirSync(dir);
  writeFileSync(join(dir, 'app.zip'), 'zip bytes');
  writeFileSync(join(dir, 'notes.txt'), 'notes');
  const sum = (f: string) => execFileSync('sha256sum', [f], { cwd: dir }).toString();
  writeFileSync(
    join(dir, 'SHA256SUMS'),
    `${sum('app.zip')}${'0'.repeat(64)}  notes.txt\n${'1'.repeat(64)}  gone.bin\nthis is not a checksum line\n`,
  );
  await hw.page.getByRole('button', { name: 'Checksum files' }).click();
  hw.dialogAnswers.push([join(dir, 'SHA256SUMS')]);
  await hw.page.getByTestId('checksums-open').click();
  const rows = hw.page.getByTestId('checksum-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'app.zip' })).toHaveAttribute('data-status', 'ok');
  await expect(rows.filter({ hasText: 'notes.txt' })).toHaveAttribute('data-status', 'mismatch');
  await expect(rows.filter({ hasText: 'gone.bin' })).toHaveAttribute('data-status', 'missing');
  await expect(hw.page.getByTestId('checksum-problem')).toContainText('Line 4');
  await expect(hw.page.getByTestId('checksum-summary')).toContainText('1 OK, 1 failed, 1 missing');
  await hw.shot('checksums-verify-light');
  // Only the problems, then saved through main's save dialog.
  await hw.page.getByTestId('checksum-only-problems').check();
  await expect(rows).toHaveCount(2);
  await hw.page.getByTestId('checksum-jump-ok').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'app.zip' })).toBeFocused();
  const saved = join(dir, 'problems.txt');
  hw.dialogAnswers.push([saved]);
  await hw.page.getByTestId('checksum-save-problems').click();
  await expect(hw.page.getByTestId('checksum-problems-saved')).toContainText(saved);
  const text = readFileSync(saved, 'utf8');
  expect(text).toContain('✗ FAILED  line 2  notes.txt');
  expect(text).toContain('? MISSING  line 3  gone.bin');
  expect(text).toContain('Line 4: ');
  expect(text).not.toContain('app.zip');
});

test('create a checksum file for the files hashed, in the format chosen', async ({ hw }) => {
  const file = join(hw.dataDir, 'abc.txt');
  writeFileSync(file, 'abc');
  await hw.drop([file]);
  await expect(hw.page.getByTestId('hash-card').first()).toHaveAttribute('data-status', 'done');
  await hw.page.getByRole('button', { name: 'Checksum files' }).click();
  await hw.page.getByTestId('create-format').selectOption('bsd');
  await hw.page.getByTestId('create-algorithm').selectOption('sha256');
  const target = join(hw.dataDir, 'out.sha256');
  hw.dialogAnswers.push([target]);
  await hw.page.getByTestId('create-save').click();
  await expect(hw.page.getByTestId('create-result')).toContainText('out.sha256');
  expect(readFileSync(target, 'utf8')).toContain('SHA256 (abc.txt) = ');
  expect(readFileSync(target, 'utf8')).toContain('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
