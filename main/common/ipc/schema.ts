// Small run-time schemas for IPC payloads: main checks every request against one before any service
// sees it. Objects are strict (an unknown field is an error), strings and lists have size limits.

import { WorkbenchError } from '../errors.js';

/** A value that does not fit its schema: INVALID, with the field (`appUrl`, `frontends[0].label`) in details. */
export class ValidationError extends WorkbenchError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('INVALID', `${path}: ${message}`, { field: path.replace(/^\$\.?/, '') || undefined });
  }
}

export interface Schema<T> {
  parse(value: unknown, path?: string): T;
  /** For messages: what the schema accepts. */
  describe: string;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

export function string(opts: { min?: number; max?: number; pattern?: RegExp } = {}): Schema<string> {
  const max = opts.max ?? 4096;
  return {
    describe: 'text',
    parse(v, path = '$') {
      if (typeof v !== 'string') throw new ValidationError(path, `expected text, got ${typeName(v)}`);
      if (v.length > max) throw new ValidationError(path, `text too long (${v.length} > ${max} characters)`);
      if (v.length < (opts.min ?? 0)) throw new ValidationError(path, `text too short (at least ${opts.min})`);
      if (opts.pattern && !opts.pattern.test(v)) throw new ValidationError(path, 'text not in the expected form');
      return v;
    },
  };
}

export function number(opts: { min?: number; max?: number; int?: boolean } = {}): Schema<number> {
  return {
    describe: 'a number',
    parse(v, path = '$') {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(path, `expected a number, got ${typeName(v)}`);
      if (opts.int && !Number.isInteger(v)) throw new ValidationError(path, 'expected a whole number');
      if (opts.min !== undefined && v < opts.min) throw new ValidationError(path, `must be at least ${opts.min}`);
      if (opts.max !== undefined && v > opts.max) throw new ValidationError(path, `must be at most ${opts.max}`);
      return v;
    },
  };
}

export const boolean: Schema<boolean> = {
  describe: 'true or false',
  parse(v, path = '$') {
    if (typeof v !== 'boolean') throw new ValidationError(path, `expected true or false, got ${typeName(v)}`);
    return v;
  },
};

export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  return {
    describe: values.join(' | '),
    parse(v, path = '$') {
      if (typeof v !== 'string' || !values.includes(v as T)) throw new ValidationError(path, `expected one of ${values.join(', ')}`);
      return v as T;
    },
  };
}

export function array<T>(item: Schema<T>, opts: { max?: number; min?: number } = {}): Schema<T[]> {
  const max = opts.max ?? 1000;
  return {
    describe: `a list of ${item.describe}`,
    parse(v, path = '$') {
      if (!Array.isArray(v)) throw new ValidationError(path, `expected a list, got ${typeName(v)}`);
      if (v.length > max) throw new ValidationError(path, `too many items (${v.length} > ${max})`);
      if (v.length < (opts.min ?? 0)) throw new ValidationError(path, `expected at least ${opts.min} item(s)`);
      return v.map((x, i) => item.parse(x, `${path}[${i}]`));
    },
  };
}

type Shape = Record<string, Schema<unknown> & { optional?: boolean }>;
type Out<S extends Shape> = { [K in keyof S as S[K] extends { optional: true } ? never : K]: ReturnType<S[K]['parse']> } & {
  [K in keyof S as S[K] extends { optional: true } ? K : never]?: ReturnType<S[K]['parse']>;
};

export function object<S extends Shape>(shape: S): Schema<Out<S>> {
  return {
    describe: 'an object',
    parse(v, path = '$') {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new ValidationError(path, `expected an object, got ${typeName(v)}`);
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new ValidationError(path, 'expected a plain object');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) if (!(key in shape)) throw new ValidationError(`${path}.${key}`, 'unknown field');
      for (const [key, schema] of Object.entries(shape)) {
        const value = (v as Record<string, unknown>)[key];
        if (value === undefined) {
          if (!schema.optional) throw new ValidationError(`${path}.${key}`, `missing (expected ${schema.describe})`);
          continue;
        }
        out[key] = schema.parse(value, `${path}.${key}`);
      }
      return out as Out<S>;
    },
  };
}

export function optional<T>(schema: Schema<T>): Schema<T> & { optional: true } {
  return { ...schema, optional: true };
}

/** A record with string keys matching a pattern (e.g. per-frontend fingerprints). */
export function record<T>(value: Schema<T>, opts: { max?: number; key?: RegExp } = {}): Schema<Record<string, T>> {
  return {
    describe: `a map of ${value.describe}`,
    parse(v, path = '$') {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new ValidationError(path, `expected an object, got ${typeName(v)}`);
      const entries = Object.entries(v);
      if (entries.length > (opts.max ?? 100)) throw new ValidationError(path, 'too many entries');
      const out: Record<string, T> = {};
      for (const [k, x] of entries) {
        if (opts.key && !opts.key.test(k)) throw new ValidationError(`${path}.${k}`, 'key not in the expected form');
        out[k] = value.parse(x, `${path}.${k}`);
      }
      return out;
    },
  };
}

/** Accepts anything JSON-shaped up to a size, for opaque documents (a report to save). */
export function json(opts: { maxChars: number }): Schema<unknown> {
  return {
    describe: 'a JSON value',
    parse(v, path = '$') {
      let text: string;
      try {
        text = JSON.stringify(v);
      } catch {
        throw new ValidationError(path, 'not a JSON value');
      }
      if (text === undefined) throw new ValidationError(path, 'not a JSON value');
      if (text.length > opts.maxChars) throw new ValidationError(path, `too large (${text.length} > ${opts.maxChars} characters)`);
      return JSON.parse(text) as unknown;
    },
  };
}
