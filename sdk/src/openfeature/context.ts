import type { EvaluationContext as OpenFeatureContext } from '@openfeature/server-sdk';
import type { AttributeValue, EvaluationContext } from '@switchyard/evaluation';

/**
 * Maps an OpenFeature context to a Switchyard one: `targetingKey` (or an explicit `key`) becomes `key`;
 * string, number, boolean and string-array attributes are kept, valid dates become ISO strings, others
 * (an Invalid Date, objects, BigInts...) are dropped. Undefined when there is no key. Reading a hostile
 * context (a throwing getter, a Proxy) can throw: the provider guards the call.
 */
export function toSwitchyardContext(context: OpenFeatureContext): EvaluationContext | undefined {
  const key = context.targetingKey ?? (typeof context['key'] === 'string' ? context['key'] : undefined);
  if (typeof key !== 'string' || key === '') return undefined;
  const out: EvaluationContext = { key };
  for (const [name, value] of Object.entries(context)) {
    if (name === 'targetingKey' || name === 'key') continue;
    const converted = convert(value);
    if (converted !== undefined) out[name] = converted;
  }
  return out;
}

function convert(value: unknown): AttributeValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}
