import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.cwd(), 'sdk', 'src');
const forbidden = /from '(@nestjs\/[^']*|typeorm|pg|redis|rxjs)'/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts') && entry.name !== 'boundaries.spec.ts'
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the SDK boundary', () => {
  it('imports nothing from Nest, TypeORM, pg, redis or rxjs', () => {
    const offenders = files(root).filter((file) => forbidden.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('imports only the engine, node built-ins, (in openfeature/) the OpenFeature SDK and (in specs) fast-check, the Jest globals and the delivery context', () => {
    const imports = files(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^.'][^']*)'/g)].map((match) => ({ file, spec: match[1]! })),
    );
    const outside = imports.filter(
      ({ file, spec }) =>
        !spec.startsWith('node:') &&
        spec !== '@switchyard/evaluation' &&
        !(spec === '@openfeature/server-sdk' && file.includes(`${join('src', 'openfeature')}`)) &&
        !((spec === 'fast-check' || spec === '@jest/globals') && file.endsWith('.spec.ts')) &&
        // the service's own check of reported contexts, the oracle of a property spec
        !(spec === '@switchyard/delivery' && file.endsWith('.spec.ts')),
    );
    expect(outside).toEqual([]);
  });
});
