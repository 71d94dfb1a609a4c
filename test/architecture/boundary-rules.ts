import { posix } from 'node:path';
import type { ImportRef } from './import-graph.js';

/**
 * The boundaries of the tree (STYLE.md, "Boundaries"), as rules over its imports. A unit is a package of the
 * repository: a context `libs/<name>` (imported as `@switchyard/<name>`), `libs/evaluation` (the engine), `sdk`,
 * `migrations`, `apps/<name>`, and the test code in `test/` and `bench/`.
 */
export interface Layout {
  /** The service's contexts: folders of libs/ other than the engine. */
  contexts: readonly string[];
}

const ENGINE = 'libs/evaluation';
/** Subpath entries a package offers besides its root: a context's test-only `testing`, the SDK's OpenFeature provider. */
const SUBPATH_ENTRIES: Record<string, readonly string[]> = { sdk: ['openfeature'] };
const CONTEXT_SUBPATH_ENTRIES = ['testing'];
const SERVER_ONLY = /^(@nestjs\/.+|typeorm|typeorm\/.+|pg|pg\/.+|redis|@redis\/.+|rxjs|rxjs\/.+)$/;

/** The SDK's integration for NestJS: a package of its own (outside sdk/), the one SDK package that may import Nest and rxjs. */
const NEST_SDK = 'integrations/nestjs';

/** The unit a repository-relative path belongs to. */
export function unitOf(path: string): string {
  const [top, name] = path.split('/');
  if (top === 'integrations' && name === 'nestjs') return NEST_SDK;
  return top === 'libs' || top === 'apps' ? `${top}/${name}` : top!;
}

/** The unit a `@switchyard/<name>` package is. */
function unitOfPackage(name: string, layout: Layout): string {
  if (name === 'evaluation') return ENGINE;
  if (name === 'sdk' || name === 'migrations' || name === 'bench') return name;
  if (name === 'nestjs') return NEST_SDK;
  if (name === 'flag-service' || name === 'admin') return `apps/${name}`;
  return layout.contexts.includes(name) ? `libs/${name}` : `unknown package @switchyard/${name}`;
}

/** What a unit is called when imported by name. */
function packageName(unit: string): string {
  if (unit === ENGINE) return '@switchyard/evaluation';
  return `@switchyard/${unit.split('/').pop()}`;
}

/** Test code: specs, `testing/` folders, a context's `testing.ts` entry, test/ and bench/. */
export function isTestCode(path: string): boolean {
  if (path.startsWith('test/') || path.startsWith('bench/')) return true;
  if (/\.(e2e-)?spec\.[cm]?[jt]sx?$/.test(path)) return true;
  if (path.split('/').includes('testing')) return true;
  return /^libs\/[^/]+\/testing\.[jt]s$/.test(path);
}

interface Target {
  unit: string;
  /** Repository-relative path for a relative import; the subpath (`testing`) for a package import. */
  path?: string;
  subpath?: string;
  byName: boolean;
}

function targetOf(ref: ImportRef, layout: Layout): Target | { bare: string } {
  const { specifier } = ref;
  if (specifier.startsWith('.')) {
    const path = posix.normalize(posix.join(posix.dirname(ref.file), specifier));
    return { unit: unitOf(path), path, byName: false };
  }
  const named = /^@switchyard\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (named) return { unit: unitOfPackage(named[1]!, layout), subpath: named[2], byName: true };
  return { bare: specifier };
}

const at = (ref: ImportRef): string => `${ref.file}:${ref.line} imports '${ref.specifier}'`;

/** Every broken boundary among `imports`, one message a line naming the file, the import and the rule. */
export function boundaryViolations(imports: readonly ImportRef[], files: readonly string[], layout: Layout): string[] {
  const violations: string[] = [];
  for (const ref of imports) {
    const from = unitOf(ref.file);
    const target = targetOf(ref, layout);
    const testCode = isTestCode(ref.file);

    if ('bare' in target) {
      if ((from === ENGINE || from === 'sdk' || from === 'apps/admin') && SERVER_ONLY.test(target.bare)) {
        violations.push(
          `${at(ref)} [engine, SDK and admin UI stay pure]: ${from} never imports Nest, TypeORM, pg, redis or rxjs`,
        );
      }
      continue;
    }

    if (!target.byName && target.unit !== from) {
      const sharedTestSupport = testCode && target.path!.startsWith('test/support/');
      // test/ boots the service and the demo shop from their sources, and runs the repository's scripts
      const testBootsTheApp = from === 'test' && /^(apps\/(flag-service|demo-shop)\/src|scripts)\//.test(target.path!);
      if (target.path!.split('/').includes('persistence')) {
        violations.push(
          `${at(ref)} [persistence is private]: ${target.unit}/persistence is reachable only from inside ${target.unit}`,
        );
      } else if (!sharedTestSupport && !testBootsTheApp) {
        violations.push(
          `${at(ref)} [import by name]: reaches into ${target.unit} by a relative path; import '${packageName(target.unit)}' (its public entry)`,
        );
      }
    }

    if (target.byName && target.subpath !== undefined) {
      const offered =
        target.unit.startsWith('libs/') && target.unit !== ENGINE
          ? CONTEXT_SUBPATH_ENTRIES
          : (SUBPATH_ENTRIES[target.unit] ?? []);
      if (!offered.includes(target.subpath)) {
        violations.push(`${at(ref)} [public entry only]: reaches past the public entry of ${packageName(target.unit)}`);
      }
    }

    const reachesTestCode = target.byName ? target.subpath === 'testing' : isTestCode(target.path!);
    if (!testCode && reachesTestCode) {
      violations.push(`${at(ref)} [no test code in production]: production code imports test-only code`);
    }

    if (target.byName && target.unit.startsWith('unknown')) {
      violations.push(`${at(ref)} [import by name]: ${target.unit} is no package of this repository`);
    }
    if (from === ENGINE && target.unit !== ENGINE && target.unit !== 'test') {
      violations.push(`${at(ref)} [dependencies run one way]: the engine depends on nothing of the service`);
    }
    if (from === 'sdk' && !testCode && target.unit !== 'sdk' && target.unit !== ENGINE) {
      violations.push(`${at(ref)} [dependencies run one way]: the SDK depends on the engine only`);
    }
    if (from === NEST_SDK && !testCode && target.unit !== NEST_SDK && target.unit !== 'sdk' && target.unit !== ENGINE) {
      violations.push(`${at(ref)} [dependencies run one way]: @switchyard/nestjs depends on the SDK only`);
    }
    if (target.unit === NEST_SDK && from !== NEST_SDK && !testCode && !from.startsWith('apps/')) {
      violations.push(`${at(ref)} [dependencies run one way]: only apps and tests use @switchyard/nestjs`);
    }
    if (from.startsWith('libs/') && target.unit.startsWith('apps/')) {
      violations.push(`${at(ref)} [dependencies run one way]: a library never imports an app`);
    }
    if (from === 'apps/admin' && target.unit !== 'apps/admin' && target.unit !== ENGINE) {
      violations.push(`${at(ref)} [admin UI imports no server code]: the admin UI may use the engine's types only`);
    }

    const entry = /^libs\/([^/]+)\/index\.ts$/.exec(ref.file);
    if (entry && ref.reExport && !target.byName && /\/persistence\/.*(\.entity|repository)[^/]*$/.test(target.path!)) {
      violations.push(
        `${at(ref)} [public entry hides persistence]: a context never exports its entities or repositories`,
      );
    }
  }
  for (const file of files) {
    const nested = /^libs\/([^/]+)\/.+\/index\.[cm]?[jt]sx?$/.exec(file);
    if (nested && layout.contexts.includes(nested[1]!)) {
      violations.push(`${file} [no barrels inside a context]: the context's one entry is libs/${nested[1]}/index.ts`);
    }
  }
  return violations;
}
