// The form's rules: the app URL, frontend rows, which files, and the Diagnose request a valid form makes.
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../../main/common/ipc/contract.js';
import { strings } from '../../strings/index.js';
import {
  buildRequest,
  checkAppUrl,
  emptyForm,
  frontendsKey,
  frontendsToTrust,
  readFingerprint,
  readResources,
  type OtaForm,
} from './form-model.js';
import { FE2_FINGERPRINT, NAMES_ANOTHER_HOST, refusedCertificateReport, smallReport } from './report-fixture.js';

const LOG =
  'Checksum failed for file /MyApp/scripts/MyApp.controller.js?XrY7u+Ae7tCTyyK7j1rNww ' +
  'Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: b1dC0pyAe7tCTyyK7j1rNw';
const HEX = FE2_FINGERPRINT.replace(/:/g, '').toLowerCase();
const form = (over: Partial<OtaForm>): OtaForm => ({ ...emptyForm(), appUrl: 'https://apps.example.com/MyApp', ...over });

describe('app URL', () => {
  it('takes http(s) with a path, and normalises the trailing slash', () => {
    expect(checkAppUrl(' https://apps.example.com/MyApp ')).toEqual({ url: 'https://apps.example.com/MyApp/' });
    expect(frontendsKey('https://APPS.example.com/MyApp/')).toBe('https://apps.example.com/MyApp/');
  });

  it('refuses other schemes, no scheme, and a host without a module path', () => {
    expect(checkAppUrl('ftp://apps.example.com/MyApp/')).toEqual({ error: strings.ota.appUrl.errorScheme });
    expect(checkAppUrl('apps.example.com/MyApp')).toEqual({ error: strings.ota.appUrl.errorScheme });
    expect(checkAppUrl('https://apps.example.com/')).toEqual({ error: strings.ota.appUrl.errorPath });
    expect(checkAppUrl('')).toEqual({ error: strings.ota.appUrl.errorEmpty });
  });
});

describe('request', () => {
  it('sends frontends, the log, insecure and the files named by the log by default', () => {
    const built = buildRequest(
      form({
        logText: LOG,
        insecure: true,
        timeout: '45',
        frontends: [
          { id: 1, label: 'FE1', address: ' 10.0.0.11 ' },
          { id: 2, label: '', address: '' },
          { id: 3, label: 'FE2', address: '\\\\fe2\\share\\MyApp' },
        ],
      }),
      'job-1',
    );
    expect(built).toEqual({
      request: {
        jobId: 'job-1',
        appUrl: 'https://apps.example.com/MyApp/',
        logText: LOG,
        timeoutSeconds: 45,
        as: 'ios',
        insecure: true,
        samples: 3,
        vantage: 'agent',
        frontends: [
          { label: 'FE1', address: '10.0.0.11' },
          { label: 'FE2', address: '\\\\fe2\\share\\MyApp' },
        ],
      },
    });
  });

  it('checks the whole module when the log names nothing, or the paths chosen', () => {
    expect(buildRequest(form({}), 'j')).toMatchObject({ request: { all: true } });
    const chosen = buildRequest(form({ scope: 'chosen', resourcesText: '/MyApp/a.js\n\n /MyApp/b.css \n/MyApp/a.js' }), 'j');
    expect(chosen).toMatchObject({ request: { resources: ['/MyApp/a.js', '/MyApp/b.css'] } });
    expect('request' in chosen && chosen.request.all).toBeFalsy();
  });

  it('says what to fix next to each field', () => {
    const built = buildRequest(
      form({
        appUrl: 'apps.example.com',
        timeout: '0',
        samples: '2.5',
        scope: 'log',
        frontends: [
          { id: 1, label: 'FE 1', address: '10.0.0.1' },
          { id: 2, label: 'FE2', address: '' },
          { id: 3, label: 'FE3', address: 'ftp://x/' },
          { id: 4, label: 'FE2', address: '10.0.0.4' },
        ],
      }),
      'j',
    );
    expect(built).toEqual({
      errors: {
        appUrl: strings.ota.appUrl.errorScheme,
        timeout: strings.ota.options.timeoutError,
        samples: strings.ota.advanced.samplesError,
        scope: strings.ota.scope.errorLogNone,
        frontends: {
          0: strings.ota.frontends.errorLabel,
          1: strings.ota.frontends.errorAddress,
          2: strings.ota.frontends.errorScheme,
          3: strings.ota.frontends.errorDuplicate('FE2'),
        },
      },
    });
  });

  it('points at the lines of the chosen list that are not paths', () => {
    expect(readResources('/MyApp/a.js\nscripts/b.js\n\nhttps://x/c.js')).toEqual({ paths: ['/MyApp/a.js'], bad: [2, 4] });
    expect(buildRequest(form({ scope: 'chosen', resourcesText: '' }), 'j')).toEqual({
      errors: { resources: strings.ota.scope.errorChosenNone },
    });
  });
});

describe('trusted certificate', () => {
  it('takes 64 hex digits, colons allowed, with or without “sha256:”, as main’s --trust does', () => {
    expect(readFingerprint(FE2_FINGERPRINT)).toBe(HEX);
    expect(readFingerprint(` sha256:${FE2_FINGERPRINT} `)).toBe(HEX);
    expect(readFingerprint(`SHA256:${HEX.toUpperCase()}`)).toBe(HEX);
    expect(readFingerprint(HEX)).toBe(HEX);
  });

  it('refuses too few or too many digits, other characters, and another algorithm', () => {
    expect(readFingerprint(HEX.slice(1))).toBeUndefined();
    expect(readFingerprint(`${HEX}00`)).toBeUndefined();
    expect(readFingerprint(FE2_FINGERPRINT.replace(/:/g, ' '))).toBeUndefined();
    expect(readFingerprint(`${HEX.slice(0, 63)}g`)).toBeUndefined();
    expect(readFingerprint(`sha1:${HEX}`)).toBeUndefined();
    expect(readFingerprint('sha256:')).toBeUndefined();
  });

  it('sends trust by label for the rows that give one', () => {
    const built = buildRequest(
      form({
        frontends: [
          { id: 1, label: 'FE1', address: '10.0.0.11', trust: '  ' },
          { id: 2, label: ' FE2 ', address: 'https://10.0.0.12:8443', trust: ` sha256:${FE2_FINGERPRINT} ` },
        ],
      }),
      'j',
    );
    expect(built).toMatchObject({
      request: {
        frontends: [
          { label: 'FE1', address: '10.0.0.11' },
          { label: 'FE2', address: 'https://10.0.0.12:8443' },
        ],
        trust: { FE2: HEX },
      },
    });
    // As main checks it before the check runs.
    expect(() => 'request' in built && CONTRACT['ota:diagnose'].request.parse(built.request)).not.toThrow();
    const none = buildRequest(form({ frontends: [{ id: 1, label: 'FE1', address: '10.0.0.11' }] }), 'j');
    expect('request' in none && 'trust' in none.request).toBe(false);
  });

  it('says what is wrong next to the fingerprint, and a fingerprint alone needs its frontend', () => {
    const built = buildRequest(
      form({
        frontends: [
          { id: 1, label: 'FE1', address: '10.0.0.11', trust: 'AB:CD:EF' },
          { id: 2, label: '', address: '', trust: FE2_FINGERPRINT },
        ],
      }),
      'j',
    );
    expect(built).toEqual({
      errors: {
        trust: { 0: strings.ota.frontends.trustError },
        frontends: { 1: strings.ota.frontends.errorLabel },
      },
    });
  });

  it('names the frontends whose certificate was refused for naming another host', () => {
    expect([...frontendsToTrust(refusedCertificateReport(NAMES_ANOTHER_HOST))]).toEqual(['FE2']);
    expect(frontendsToTrust(refusedCertificateReport('certificate has expired')).size).toBe(0);
    expect(frontendsToTrust(smallReport()).size).toBe(0);
    expect(frontendsToTrust(undefined).size).toBe(0);
  });
});
