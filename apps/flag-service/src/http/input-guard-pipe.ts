import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { slugProblem } from '@switchyard/flags';
import { DomainError, type FieldError } from '@switchyard/kernel';

/** Deepest nesting of arrays and objects accepted in a request body (a flag config needs about 6). */
export const MAX_BODY_DEPTH = 32;
/** Largest version number in a path (the columns are 32-bit integers). */
export const MAX_VERSION = 2_147_483_647;

const LONE_SURROGATE = /[\ud800-\udfff]/u;
const MAX_FIELDS = 20;

// Path parameters by name: keys are slugs, versions are 32-bit positive integers; checked before any query.
// Ids (tokens, SDK keys) stay free text: an id that matches nothing is simply not found.
const PARAM_GRAMMAR: Record<string, (value: string) => FieldError | null> = {
  project: keyProblem,
  env: keyProblem,
  flag: keyProblem,
  segment: keyProblem,
  n: (value) =>
    /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= MAX_VERSION
      ? null
      : { path: 'n', message: `must be a version number from 1 to ${MAX_VERSION}`, code: 'OUT_OF_RANGE' },
};

/**
 * Runs before validation and transformation (it is the first global pipe): refuses a body nested deeper than
 * MAX_BODY_DEPTH (class-transformer would overflow the stack), any string in the body, path or query holding a
 * NUL or a lone surrogate (Postgres refuses them in text and jsonb), and path keys and versions outside
 * their grammar. Each refusal is VALIDATION_FAILED naming the fields.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields: FieldError[] = [];
    if (metadata.type === 'param') {
      const params = metadata.data === undefined ? (value as Record<string, unknown>) : { [metadata.data]: value };
      for (const [name, param] of Object.entries(params ?? {})) checkParam(name, param, fields);
    } else {
      inspect(value, '', 1, fields);
    }
    if (fields.length > 0) {
      const tooDeep = fields.some((field) => field.code === 'TOO_DEEP');
      throw DomainError.validation(
        tooDeep ? `The request body is nested deeper than ${MAX_BODY_DEPTH} levels` : 'The request is invalid',
        fields,
      );
    }
    return value;
  }
}

function keyProblem(value: string): FieldError | null {
  const problem = slugProblem(value);
  return problem ? { path: '', message: problem, code: 'INVALID_KEY' } : null;
}

function checkParam(name: string, value: unknown, fields: FieldError[]): void {
  if (typeof value !== 'string') return;
  const text = textProblem(value);
  if (text) return void fields.push({ path: name, message: text, code: 'INVALID_TEXT' });
  const problem = PARAM_GRAMMAR[name]?.(value);
  if (problem) fields.push({ ...problem, path: name });
}

/** Why a string cannot be stored, or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it holds a lone surrogate)';
  return null;
}

// Depth first, bounded: it never descends below MAX_BODY_DEPTH, so it cannot overflow on any input.
function inspect(value: unknown, path: string, depth: number, fields: FieldError[]): void {
  if (fields.length >= MAX_FIELDS) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) fields.push({ path: path || '(body)', message: problem, code: 'INVALID_TEXT' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_BODY_DEPTH) {
    fields.push({ path: path || '(body)', message: `nested deeper than ${MAX_BODY_DEPTH} levels`, code: 'TOO_DEEP' });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const child = path ? `${path}.${key}` : key;
    const problem = textProblem(key);
    if (problem) fields.push({ path: child, message: `name ${problem}`, code: 'INVALID_TEXT' });
    inspect(item, child, depth + 1, fields);
  }
}
