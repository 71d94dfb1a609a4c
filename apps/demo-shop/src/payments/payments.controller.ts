import { Body, Controller, HttpCode, Post, type ExecutionContext } from '@nestjs/common';
import { Guarded, type GuardCause } from '@switchyard/nestjs';
import { numberProblem, validationFailed } from '../validation.js';
import { PaymentDependency, type Charge } from './payment-dependency.js';

/** What the shop answers while payments v2 is off, killed, its breaker open, or the call failed. */
export interface DeferredPayment {
  status: 'accepted';
  via: 'fallback';
  amount: unknown;
  message: string;
  /** Why: `off` (the flag is off or killed), `open` (this instance's breaker), `thrown` or `timeout` (this call). */
  cause: GuardCause['kind'];
}

function deferPayment(context: ExecutionContext, cause: GuardCause): DeferredPayment {
  const body = context.switchToHttp().getRequest<{ body?: { amount?: unknown } }>().body;
  return {
    status: 'accepted',
    via: 'fallback',
    amount: body?.amount,
    message: 'payments v2 is unavailable: the payment is queued and charged by the old provider later',
    cause: cause.kind,
  };
}

@Controller('pay')
export class PaymentsController {
  constructor(private readonly provider: PaymentDependency) {}

  /**
   * Charges through payments v2; its failures trip the breaker of `payments-v2` fleet-wide. A bad amount is a 400
   * (an HttpException: @Guarded passes it through and does not count it as the provider failing).
   */
  @Post()
  @HttpCode(200)
  @Guarded('payments-v2', { fallback: deferPayment })
  pay(@Body() body: { amount?: unknown } | undefined): Promise<Charge> {
    const problem = numberProblem('amount', body?.amount, 0.01, 100_000);
    if (problem) throw validationFailed([problem]);
    return this.provider.charge(body!.amount as number);
  }
}
