// The form's rules: the app URL, frontend rows, which files, and the Diagnose request a valid form makes.
import { describe, expect, it } from 'vitest';
import { strings } from '../../strings/index.js';
import { buildRequest, checkAppUrl, emptyForm, frontendsKey, readResources, type OtaForm } from './form-model.js';

const LOG = 'Checksum failed for file /MyApp/scripts/MyApp.controller.js?XrY7u+Ae7tCTyyK7j1rNww Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: b1dC0pyAe7tCTyyK7j1rNw';
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
    const built = buildRequest(form({
      logText: LOG, insecure: true, timeout: '45',
      frontends: [{ id: 1, label: 'FE1', address: ' 10.0.0.11 ' }, { id: 2, label: '', address: '' }, { id: 3, label: 'FE2', address: '\\\\fe2\\share\\MyApp' }],
    }), 'job-1');
    expect(built).toEqual({ request: {
      jobId: 'job-1', appUrl: 'https://apps.example.com/MyApp/', logText: LOG, timeoutSeconds: 45, insecure: true, samples: 3, vantage: 'agent',
      frontends: [{ label: 'FE1', address: '10.0.0.11' }, { label: 'FE2', address: '\\\\fe2\\share\\MyApp' }],
    } });
  });

  it('checks the whole module when the log names nothing, or the paths chosen', () => {
    expect(buildRequest(form({}), 'j')).toMatchObject({ request: { all: true } });
    const chosen = buildRequest(form({ scope: 'chosen', resourcesText: '/MyApp/a.js\n\n /MyApp/b.css \n/MyApp/a.js' }), 'j');
    expect(chosen).toMatchObject({ request: { resources: ['/MyApp/a.js', '/MyApp/b.css'] } });
    expect('request' in chosen && chosen.request.all).toBeFalsy();
  });

  it('says what to fix next to each field', () => {
    const built = buildRequest(form({
      appUrl: 'apps.example.com', timeout: '0', samples: '2.5', scope: 'log',
      frontends: [{ id: 1, label: 'FE 1', address: '10.0.0.1' }, { id: 2, label: 'FE2', address: '' }, { id: 3, label: 'FE3', address: 'ftp://x/' }, { id: 4, label: 'FE2', address: '10.0.0.4' }],
    }), 'j');
    expect(built).toEqual({ errors: {
      appUrl: strings.ota.appUrl.errorScheme,
      timeout: strings.ota.options.timeoutError,
      samples: strings.ota.advanced.samplesError,
      scope: strings.ota.scope.errorLogNone,
      frontends: { 0: strings.ota.frontends.errorLabel, 1: strings.ota.frontends.errorAddress, 2: strings.ota.frontends.errorScheme, 3: strings.ota.frontends.errorDuplicate('FE2') },
    } });
  });

  it('points at the lines of the chosen list that are not paths', () => {
    expect(readResources('/MyApp/a.js\nscripts/b.js\n\nhttps://x/c.js')).toEqual({ paths: ['/MyApp/a.js'], bad: [2, 4] });
    expect(buildRequest(form({ scope: 'chosen', resourcesText: '' }), 'j')).toEqual({ errors: { resources: strings.ota.scope.errorChosenNone } });
  });
});
