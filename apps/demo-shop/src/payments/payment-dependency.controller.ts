import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { numberProblem, validationFailed, type FieldProblem } from '../validation.js';
import { PaymentDependency, type PaymentDependencySettings } from './payment-dependency.js';

/** The demo's knob: make this instance's payment provider fail or slow down. Not part of a real shop. */
@Controller('admin/payment-dependency')
export class PaymentDependencyController {
  constructor(private readonly provider: PaymentDependency) {}

  @Get()
  current(): PaymentDependencySettings {
    return this.provider.current();
  }

  /** `{ failRate?: 0–1, latencyMs?: 0–60000 }`; what is left out stays as it is. */
  @Post()
  @HttpCode(200)
  change(@Body() body: unknown): PaymentDependencySettings {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    const known = ['failRate', 'latencyMs'];
    for (const key of Object.keys(input))
      if (!known.includes(key)) problems.push({ path: key, message: 'unknown field', code: 'UNKNOWN_FIELD' });
    if (!known.some((key) => key in input))
      problems.push({ path: 'failRate', message: 'give failRate, latencyMs or both', code: 'REQUIRED' });
    if ('failRate' in input) pushIf(problems, numberProblem('failRate', input.failRate, 0, 1));
    if ('latencyMs' in input) pushIf(problems, numberProblem('latencyMs', input.latencyMs, 0, 60_000));
    if (problems.length > 0) throw validationFailed(problems);
    return this.provider.change(input as Partial<PaymentDependencySettings>);
  }
}

function pushIf(list: FieldProblem[], problem: FieldProblem | undefined): void {
  if (problem) list.push(problem);
}
