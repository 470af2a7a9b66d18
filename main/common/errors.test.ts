import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorInfo, isErrnoCode, isErrorCode, isNetworkErrno, WorkbenchError } from './errors.js';
import { ValidationError } from './ipc/schema.js';

describe('WorkbenchError', () => {
  it('carries a code, a message and only the details that are set', () => {
    const e = new WorkbenchError('INVALID', 'HAR file: line 1: not JSON', { field: 'harPath', line: 1, jsonPath: undefined });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('INVALID');
    expect(e.details).toEqual({ field: 'harPath', line: 1 });
    expect(e.toInfo()).toEqual({ code: 'INVALID', message: 'HAR file: line 1: not JSON', details: { field: 'harPath', line: 1 } });
    expect(new WorkbenchError('CANCELLED', 'cancelled').toInfo()).toEqual({ code: 'CANCELLED', message: 'cancelled' });
  });

  it('is what a schema throws, with the field it concerns', () => {
    const e = new ValidationError('$.appUrl', 'text not in the expected form');
    expect(e).toBeInstanceOf(WorkbenchError);
    expect(e.toInfo()).toEqual({ code: 'INVALID', message: '$.appUrl: text not in the expected form', details: { field: 'appUrl' } });
    expect(new ValidationError('$', 'expected an object').details).toEqual({});
  });
});

describe('error codes', () => {
  it('knows its own codes and the errno family, and nothing else', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(isErrorCode(code)).toBe(true);
    for (const code of ['ENOENT', 'EACCES', 'EISDIR', 'ECONNREFUSED', 'EAI_AGAIN']) {
      expect(isErrnoCode(code)).toBe(true);
      expect(isErrorCode(code)).toBe(true);
    }
    for (const code of ['INVALID_INPUT', 'ERR_PARSE_ARGS_UNKNOWN_OPTION', 'enoent', '', 'NOT_FOUND', 42, undefined])
      expect(isErrorCode(code)).toBe(false);
    // Our codes that happen to start with E are not errno codes.
    expect(Object.keys(ERROR_CODES).filter((c) => isErrnoCode(c))).toEqual([]);
  });

  it('tells network errno codes from a local file error', () => {
    expect(
      ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT', 'ENOTFOUND', 'EPROTO'].every(isNetworkErrno),
    ).toBe(true);
    expect(['ENOENT', 'EACCES', 'EISDIR', 'EPERM'].some(isNetworkErrno)).toBe(false);
  });

  it('turns anything thrown into an ErrorInfo', () => {
    expect(errorInfo(new WorkbenchError('TOO_LARGE', 'big', { path: '/a' }))).toEqual({
      code: 'TOO_LARGE',
      message: 'big',
      details: { path: '/a' },
    });
    expect(errorInfo(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }))).toEqual({
      code: 'ENOENT',
      message: 'ENOENT: no such file',
    });
    expect(errorInfo(Object.assign(new Error('bad option'), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }))).toEqual({
      code: 'FAILED',
      message: 'bad option',
    });
    expect(errorInfo('a string')).toEqual({ code: 'FAILED', message: 'a string' });
    expect(errorInfo(null)).toEqual({ code: 'FAILED', message: 'null' });
  });
});
