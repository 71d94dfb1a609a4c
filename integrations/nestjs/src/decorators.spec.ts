import { DarkLaunch, FlagValue, Guarded, RequireFlag } from './index.js';

// Bad decorator options stop the app where the class is defined, with the decorator, the flag and the field.
class Search {
  find(q: string) {
    return [q];
  }
}

const decorate = (decorator: MethodDecorator, target: object = Search.prototype) =>
  decorator(target, 'find', Object.getOwnPropertyDescriptor(Search.prototype, 'find')!);

describe('the decorators refuse bad options by name', () => {
  it('@RequireFlag', () => {
    expect(() => RequireFlag('')).toThrow('@RequireFlag: flag must be a non-empty key');
    expect(() => RequireFlag('x', { whenOff: 'gone' as never })).toThrow(
      "@RequireFlag('x'): whenOff must be 'not-found' or 'forbidden'",
    );
    expect(() => RequireFlag('x', { variant: '' })).toThrow("@RequireFlag('x'): variant must be a non-empty string");
    expect(() => RequireFlag('x', { variant: 'v', type: 'boolean' as never })).toThrow(
      "@RequireFlag('x'): type must be 'string', 'number' or 'json'",
    );
  });

  it('@FlagValue', () => {
    expect(() => FlagValue('', 1)).toThrow('@FlagValue: flag must be a non-empty key');
    expect(() => FlagValue('copy', undefined as never)).toThrow("@FlagValue('copy'): a default value is required");
  });

  it('@Guarded', () => {
    expect(() => Guarded('pay', {} as never)).toThrow("@Guarded('pay'): fallback must be a function");
    expect(() => Guarded('pay', { fallback: () => 1, timeoutMs: 0 })).toThrow(
      "@Guarded('pay'): timeoutMs must be between 1 and 600000",
    );
    expect(() => Guarded('pay', { fallback: () => 1, variant: '' })).toThrow(
      "@Guarded('pay'): variant must be a non-empty string",
    );
  });

  it('@DarkLaunch, whose candidate must be a method of the controller or of the service named', () => {
    expect(() => decorate(DarkLaunch('search-v2', { candidate: 'findV2' }))).toThrow(
      "@DarkLaunch('search-v2'): candidate 'findV2' is no method of Search",
    );
    expect(() => decorate(DarkLaunch('search-v2', { candidate: [Search, 'findV2'] }))).toThrow(
      "@DarkLaunch('search-v2'): candidate findV2 is no method of Search",
    );
    expect(() => decorate(DarkLaunch('search-v2', { candidate: 42 as never }))).toThrow(
      "@DarkLaunch('search-v2'): candidate must be a method name or [ServiceClass, 'method']",
    );
    expect(() => DarkLaunch('', { candidate: 'find' })).toThrow('@DarkLaunch: flag must be a non-empty key');
  });

  it('@DarkLaunch outside a request runs the handler alone and keeps its route metadata', () => {
    class Controller {
      find(q: string) {
        return [q];
      }
      findV2(q: string) {
        return [q, 'v2'];
      }
    }
    const descriptor = Object.getOwnPropertyDescriptor(Controller.prototype, 'find')!;
    Reflect.defineMetadata('path', 'search', descriptor.value as object);
    const wrapped = DarkLaunch('search-v2', { candidate: 'findV2' })(Controller.prototype, 'find', descriptor);
    const handler = (wrapped as PropertyDescriptor).value as (q: string) => unknown;
    expect(Reflect.getMetadata('path', handler)).toBe('search');
    expect(handler.name).toBe('find');
    expect(handler.call(new Controller(), 'hat')).toEqual(['hat']);
  });
});
