// The optional `comparedWith` of a report (compare-reports.ts) checked in full, like the rest of the report
// (report-schema.ts). `satisfies` keeps each object's fields exactly the type's.
import { array, number, object, oneOf, optional, string, type Schema } from '../ipc/schema.js';
import type { ChangeKind, PointChange, PointState, ReportComparison, ResourceChange } from './compare-reports.js';
import { CAUSE_NAMES, FAULT_ORDER } from './types.js';

const BIG = 10_000_000;
const text = string({ max: BIG });
const cause = oneOf(CAUSE_NAMES);
const fault = oneOf(FAULT_ORDER);
const kind = oneOf<ChangeKind>(['fixed', 'still-wrong', 'new-problem', 'changed', 'now-read', 'now-unread', 'unchanged', 'not-checked']);
const state = oneOf<PointState>(['right', 'wrong', 'unread', 'not-checked']);
const ends = object({ fault, cause });

const point = object({ point: text, name: text, before: state, after: state, kind, sentence: text } satisfies Record<
  keyof Required<PointChange>,
  Schema<unknown>
>);

const change = object({
  path: text,
  kind,
  before: optional(ends),
  after: optional(ends),
  sentence: text,
  points: array(point, { max: BIG }),
} satisfies Record<keyof Required<ResourceChange>, Schema<unknown>>);

const side = object({ fault, cause, headline: text, finishedAt: optional(text), versionToken: optional(text) } satisfies Record<
  keyof Required<ReportComparison['before']>,
  Schema<unknown>
>);

export const comparisonSchema = object({
  file: optional(text),
  before: side,
  after: side,
  overall: oneOf(['fixed', 'better', 'same', 'worse'] as const),
  summary: text,
  changes: array(change, { max: BIG }),
  unchangedConsistent: number({ min: 0, int: true }),
} satisfies Record<keyof Required<ReportComparison>, Schema<unknown>>);
