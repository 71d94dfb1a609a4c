import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Post,
  Query,
  UseGuards,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  DarkLaunch,
  FlagValue,
  Guarded,
  InjectSwitchyard,
  RequireFlag,
  SwitchyardClient,
  SwitchyardModule,
  currentContext,
  type SwitchyardModuleOptions,
} from '@switchyard/nestjs';

// A small shop written as a Nest developer would write it with @switchyard/nestjs, for the decorators' e2e specs
// on both HTTP platforms: a checkout behind a flag, copy from a flag, a payment call under a breaker, searches
// under dark launches, and a guard and a service that read the request's context without being handed it.

export type Platform = 'express' | 'fastify';

/** Counts what the specs look at inside the app. */
@Injectable()
export class Observed {
  contextsBuilt = 0;
  candidateCalls: string[] = [];
}

/** The payment provider: the spec makes it fail. */
@Injectable()
export class Payments {
  failing = false;

  async pay(): Promise<{ provider: string }> {
    await Promise.resolve();
    if (this.failing) throw new Error('payments-v2 provider is down');
    return { provider: 'v2' };
  }
}

/** A service that reads the request's context itself, after an await. */
@Injectable()
export class Greeter {
  constructor(@InjectSwitchyard() private readonly flags: SwitchyardClient) {}

  async greeting(): Promise<{ key: string; plan: unknown; beta: boolean }> {
    await new Promise((resolve) => setImmediate(resolve));
    const context = currentContext();
    return { key: context.key, plan: context.plan, beta: this.flags.getBoolean('beta', context, false) };
  }
}

@Injectable()
export class SearchService {
  constructor(private readonly observed: Observed) {}

  search(q: string): { q: string; hits: string[] } {
    return { q, hits: [`${q}-1`, `${q}-2`] };
  }

  async searchV2(q: string): Promise<{ q: string; hits: string[] }> {
    this.observed.candidateCalls.push(`service:${q}`);
    return { q, hits: [`${q}-1`, `${q}-3`] };
  }
}

/** The app's own guard: refuses the user `blocked`, knowing the user only from `currentContext()`. */
@Injectable()
export class NotBlockedGuard implements CanActivate {
  canActivate(_context: ExecutionContext): boolean {
    if (currentContext().key === 'blocked') throw new ForbiddenException('blocked');
    return true;
  }
}

@Controller()
export class ShopController {
  constructor(
    private readonly flags: SwitchyardClient,
    private readonly payments: Payments,
    private readonly greeter: Greeter,
    private readonly searches: SearchService,
    private readonly observed: Observed,
  ) {}

  @RequireFlag('new-checkout')
  @Get('checkout')
  checkout() {
    return { checkout: 'new', beta: this.flags.getBoolean('beta', currentContext(), false) };
  }

  @Get('checkout/strict')
  @RequireFlag('new-checkout', { whenOff: 'forbidden' })
  strictCheckout() {
    return { checkout: 'new' };
  }

  @RequireFlag('checkout-copy', { variant: 'short' })
  @Get('checkout/short')
  shortCheckout() {
    return { checkout: 'short' };
  }

  @UseGuards(NotBlockedGuard)
  @RequireFlag('new-checkout')
  @Get('checkout/guarded-by-app')
  appGuarded() {
    return { checkout: 'new' };
  }

  @Get('copy')
  copy(
    @FlagValue('checkout-copy', 'Pay') copy: string,
    @FlagValue('max-items', 3) maxItems: number,
    @FlagValue('no-such-flag', 'fallback') missing: string,
  ) {
    return { copy, maxItems, missing };
  }

  @Get('greeting')
  greeting() {
    return this.greeter.greeting();
  }

  @Guarded('payments-v2', { fallback: (_context, cause) => ({ provider: 'legacy', cause: cause.kind }) })
  @Post('pay')
  pay() {
    return this.payments.pay();
  }

  @Guarded('payments-v2', { fallback: () => ({ provider: 'legacy' }) })
  @Post('pay/refund')
  refund(): never {
    throw new BadRequestException('nothing to refund');
  }

  @DarkLaunch('search-v2', { candidate: 'searchV2' })
  @Get('search')
  search(@Query('q') q: string) {
    return this.searches.search(q);
  }

  async searchV2(q: string) {
    this.observed.candidateCalls.push(`controller:${q}`);
    return { q, hits: [`${q}-1`, `${q}-2`, `${q}-extra`] };
  }

  @Get('search/service')
  @DarkLaunch('search-service-v2', { candidate: [SearchService, 'searchV2'] })
  searchWithService(@Query('q') q: string) {
    return this.searches.search(q);
  }
}

@RequireFlag('admin-area', { whenOff: 'forbidden' })
@Controller('staff')
export class StaffController {
  @Get()
  home() {
    return { staff: true };
  }

  @RequireFlag('new-checkout')
  @Get('checkout')
  checkout() {
    return { staff: 'checkout' };
  }
}

@Module({})
export class ShopModule {
  static register(options: SwitchyardModuleOptions): DynamicModule {
    return {
      module: ShopModule,
      imports: [SwitchyardModule.forRoot(options)],
      controllers: [ShopController, StaffController],
      providers: [Observed, Payments, Greeter, SearchService, NotBlockedGuard],
    };
  }
}

/** A running shop on one platform. */
export interface Shop {
  app: INestApplication;
  baseUrl: string;
  client: SwitchyardClient;
  observed: Observed;
  payments: Payments;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  post(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts the shop on `platform` against the flag service at `url` with `sdkKey`, on 127.0.0.1 and a free port. */
export async function startShop(
  platform: Platform,
  options: { url: string; sdkKey: string } & Partial<SwitchyardModuleOptions>,
): Promise<Shop> {
  let observed: Observed | undefined;
  const module = ShopModule.register({
    appName: `shop-${platform}`,
    initialRetryDelayMs: 20,
    darkLaunchFlushIntervalMs: 200,
    flushIntervalMs: 500,
    contextFactory: (context) => {
      observed!.contextsBuilt += 1;
      const headers = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers;
      if (headers['x-user-id'] === 'explode') throw new Error('the context factory failed');
      return { key: headers['x-user-id'] ?? 'anonymous', plan: headers['x-plan'] ?? 'free' };
    },
    ...options,
  });
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(module, adapter, { logger: false, abortOnError: false });
  observed = app.get(Observed);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const send = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(baseUrl + path, { method, headers });
    const text = await response.text();
    return {
      status: response.status,
      body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  };
  return {
    app,
    baseUrl,
    client: app.get(SwitchyardClient),
    observed,
    payments: app.get(Payments),
    get: (path, headers) => send('GET', path, headers),
    post: (path, headers) => send('POST', path, headers),
    close: () => app.close(),
  };
}
