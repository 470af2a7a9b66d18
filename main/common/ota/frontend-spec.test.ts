import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors.js';
import { DIAGNOSE_LIMITS, parseFrontendAddress, prepareDiagnose, splitFrontendSpec } from './frontend-spec.js';

const fp = 'AB:'.repeat(31) + 'AB';

describe('prepareDiagnose', () => {
  it('gives the defaults from DIAGNOSE_LIMITS when nothing is set', () => {
    expect(prepareDiagnose({ frontends: [] })).toEqual({
      frontends: [],
      trust: {},
      samples: DIAGNOSE_LIMITS.samples.default,
      timeoutMs: DIAGNOSE_LIMITS.timeoutSeconds.default * 1000,
      concurrency: DIAGNOSE_LIMITS.concurrency.default,
      maxResources: DIAGNOSE_LIMITS.maxResources.default,
      as: 'ios',
      maxBytes: DIAGNOSE_LIMITS.maxBytes,
    });
  });

  it('reads addresses, folders, trust in either form and numbers given as text or numbers', () => {
    const p = prepareDiagnose({
      frontends: [
        { label: 'FE1', address: 'https://[fd00::3]:8443' },
        { label: 'FE2', address: '\\\\fe2\\share\\MyApp' },
        { label: 'FE3', address: 'fe3' },
      ],
      trust: [`FE1=sha256:${fp}`],
      ca: { text: '-----BEGIN CERTIFICATE-----\n…', name: 'ca.pem' },
      samples: '5',
      timeoutSeconds: 2.5,
      isFolder: (a) => a === 'fe3',
    });
    expect(p.frontends).toEqual([
      { label: 'FE1', kind: 'address', address: 'https://[fd00::3]:8443', host: 'fd00::3', scheme: 'https:', port: 8443 },
      { label: 'FE2', kind: 'folder', address: '\\\\fe2\\share\\MyApp' },
      { label: 'FE3', kind: 'folder', address: 'fe3' },
    ]);
    expect(p.trust).toEqual({ FE1: 'ab'.repeat(32) });
    expect(p).toMatchObject({ samples: 5, timeoutMs: 2500, ca: '-----BEGIN CERTIFICATE-----\n…' });
    expect(prepareDiagnose({ frontends: [{ label: 'FE1', address: 'x' }], trust: { FE1: fp } }).trust).toEqual({ FE1: 'ab'.repeat(32) });
  });

  it('refuses each bad input with one line naming it and the field', () => {
    const cases: Array<[Parameters<typeof prepareDiagnose>[0], string, RegExp]> = [
      [
        {
          frontends: [
            { label: 'A', address: '1.2.3.4' },
            { label: 'A', address: '1.2.3.5' },
          ],
        },
        'frontends',
        /label A is given twice/,
      ],
      [{ frontends: [{ label: 'a b', address: '1.2.3.4' }] }, 'frontends', /the label may hold/],
      [{ frontends: [{ label: 'A', address: 'h:70000' }] }, 'frontends', /port 70000 is out of range/],
      [{ frontends: [{ label: 'A', address: 'ftp://h' }] }, 'frontends', /only http:\/\/ and https:\/\//],
      [{ frontends: [], trust: { B: fp } }, 'trust', /--trust B: no --frontend has that label/],
      [{ frontends: [{ label: 'B', address: 'h' }], trust: ['B=sha256:12'] }, 'trust', /expected <label>=sha256:<64 hex digits>/],
      [{ frontends: [], ca: { text: 'nope', name: 'x.pem' } }, 'caPath', /--ca x\.pem: not a PEM certificate/],
      [{ frontends: [], samples: 0 }, 'samples', /--samples takes a whole number from 1 to 20/],
      [{ frontends: [], samples: 2.5 }, 'samples', /whole number/],
      [{ frontends: [], timeoutSeconds: '601' }, 'timeoutSeconds', /--timeout takes a number from 1 to 600/],
      [{ frontends: [], concurrency: 'many' }, 'concurrency', /--concurrency takes a whole number from 1 to 64/],
    ];
    for (const [input, field, message] of cases) {
      let caught: unknown;
      try {
        prepareDiagnose(input);
      } catch (err) {
        caught = err;
      }
      expect(caught, String(message)).toBeInstanceOf(WorkbenchError);
      expect(caught).toMatchObject({ code: 'INVALID', details: { field } });
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
    }
  });

  it('splits a --frontend spec at the first =', () => {
    expect(splitFrontendSpec('FE1=a=b')).toEqual({ label: 'FE1', address: 'a=b' });
    expect(() => splitFrontendSpec('FE1')).toThrow(/expected <label>=<address or folder>/);
    expect(parseFrontendAddress(' FE1 ', ' 10.0.0.1:8080/ ')).toMatchObject({ label: 'FE1', host: '10.0.0.1', port: 8080 });
  });
});
