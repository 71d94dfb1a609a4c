import { Controller, Get } from '@nestjs/common';
import { RequireFlag } from '@switchyard/nestjs';

/** The new checkout: the route does not exist (404) for anyone the flag `new-checkout` is off for. */
@Controller('checkout')
@RequireFlag('new-checkout')
export class CheckoutController {
  @Get()
  checkout(): { checkout: 'new'; steps: string[] } {
    return { checkout: 'new', steps: ['cart', 'address', 'pay'] };
  }
}
