import { Injectable } from '@nestjs/common';

/** How the payment provider behaves: a share of calls that fail, and a delay before each answer. */
export interface PaymentDependencySettings {
  failRate: number;
  latencyMs: number;
}

/** A charge the provider accepted. */
export interface Charge {
  status: 'paid';
  via: 'payments-v2';
  amount: number;
  chargeId: string;
}

/** The provider behind payments v2, faked in process: make it fail or slow down at runtime (POST /admin/…). */
@Injectable()
export class PaymentDependency {
  private settings: PaymentDependencySettings = { failRate: 0, latencyMs: 20 };
  private charges = 0;

  current(): PaymentDependencySettings {
    return { ...this.settings };
  }

  change(settings: Partial<PaymentDependencySettings>): PaymentDependencySettings {
    this.settings = { ...this.settings, ...settings };
    return this.current();
  }

  async charge(amount: number): Promise<Charge> {
    const { failRate, latencyMs } = this.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (failRate > 0 && Math.random() < failRate) throw new Error('payment provider: 503 Service Unavailable');
    this.charges += 1;
    return { status: 'paid', via: 'payments-v2', amount, chargeId: `ch_${this.charges}` };
  }
}
