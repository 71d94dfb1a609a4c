import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { JsonValue } from '@switchyard/sdk';
import { knownScopeOf } from './request-scope.js';

interface FlagValueData {
  flag: string;
  defaultValue: JsonValue;
}

const flagValue = createParamDecorator((data: FlagValueData, context: ExecutionContext): JsonValue => {
  const scope = knownScopeOf(context);
  if (!scope) return data.defaultValue;
  const { client, context: evaluation } = scope;
  const { flag, defaultValue } = data;
  switch (typeof defaultValue) {
    case 'boolean':
      return client.getBoolean(flag, evaluation, defaultValue);
    case 'string':
      return client.getString(flag, evaluation, defaultValue);
    case 'number':
      return client.getNumber(flag, evaluation, defaultValue);
    default:
      return client.getJson(flag, evaluation, defaultValue);
  }
});

/**
 * A handler parameter holding the flag's value for the request's context, read as the type of `defaultValue`
 * (boolean, string, number, else JSON) and `defaultValue` on any error (unknown flag, other type, no snapshot).
 *
 * @example
 * \@Get('checkout') page(\@FlagValue('checkout-copy', 'Pay now') copy: string) { ... }
 */
export function FlagValue(flag: string, defaultValue: JsonValue): ParameterDecorator {
  if (typeof flag !== 'string' || flag === '') throw new TypeError('@FlagValue: flag must be a non-empty key');
  if (defaultValue === undefined) throw new TypeError(`@FlagValue('${flag}'): a default value is required`);
  return flagValue({ flag, defaultValue } satisfies FlagValueData);
}
