import { readdirSync } from 'node:fs';
import { boundaryViolations, type Layout } from './boundary-rules.js';
import { importsOf, listImports, sourceFiles } from './import-graph.js';

const root = process.cwd();
const FOLDERS = ['apps', 'libs', 'sdk', 'integrations', 'migrations', 'test', 'bench/src'];
const layout: Layout = {
  contexts: readdirSync('libs', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'evaluation')
    .map((entry) => entry.name),
};

/** The violations one import line would cause in `file`. */
function check(file: string, line: string): string[] {
  return boundaryViolations(importsOf(file, line), [], layout);
}

describe('the boundaries of the tree', () => {
  it('holds for every import of every source file', () => {
    const imports = listImports(root, FOLDERS);
    expect(imports.length).toBeGreaterThan(1000);
    expect(boundaryViolations(imports, sourceFiles(root, FOLDERS), layout)).toEqual([]);
  });

  it('knows the contexts of libs/', () => {
    expect(layout.contexts).toEqual(
      expect.arrayContaining(['access', 'audit', 'database', 'delivery', 'flags', 'kernel']),
    );
  });

  it("refuses a context reaching into another context's internals, by path or past its public entry", () => {
    expect(
      check('libs/delivery/application/x.ts', "import { KillFlag } from '../../flags/application/kill-flag.js';"),
    ).toEqual([
      "libs/delivery/application/x.ts:1 imports '../../flags/application/kill-flag.js' [import by name]: reaches into libs/flags by a relative path; import '@switchyard/flags' (its public entry)",
    ]);
    expect(
      check('apps/flag-service/src/x.ts', "import { KillFlag } from '@switchyard/flags/application/kill-flag.js';"),
    ).toEqual([
      "apps/flag-service/src/x.ts:1 imports '@switchyard/flags/application/kill-flag.js' [public entry only]: reaches past the public entry of @switchyard/flags",
    ]);
    expect(check('test/x.e2e-spec.ts', "import { seed } from '../libs/delivery/testing/fixture.js';")).toHaveLength(1);
    expect(check('libs/flags/application/x.ts', "import { KillFlag } from './kill-flag.js';")).toEqual([]);
    expect(check('apps/flag-service/src/x.ts', "import { KillFlag } from '@switchyard/flags';")).toEqual([]);
  });

  it('lets test/ boot the service and the demo shop from their sources and run the scripts, and nothing else', () => {
    expect(check('test/x.e2e-spec.ts', "import { createApp } from '../apps/flag-service/src/create-app.js';")).toEqual(
      [],
    );
    expect(
      check('test/support/x.ts', "import { createDemoShop } from '../../apps/demo-shop/src/create-demo-shop.js';"),
    ).toEqual([]);
    expect(check('test/x.e2e-spec.ts', "import { setUpDemo } from '../scripts/demo-setup.mjs';")).toEqual([]);
    expect(check('libs/flags/x.ts', "import { setUpDemo } from '../../scripts/demo-setup.mjs';")).toHaveLength(1);
    expect(check('test/x.e2e-spec.ts', "import { x } from '../apps/admin/src/x.js';")).toHaveLength(1);
  });

  it('refuses any import of a persistence folder from outside its context', () => {
    expect(
      check('libs/flags/persistence/x.ts', "import { A } from '../../audit/persistence/audit-entry.entity.js';"),
    ).toEqual([
      "libs/flags/persistence/x.ts:1 imports '../../audit/persistence/audit-entry.entity.js' [persistence is private]: libs/audit/persistence is reachable only from inside libs/audit",
    ]);
    expect(
      check('apps/flag-service/src/x.ts', "const m = await import('../../../libs/flags/persistence/flag.entity.js');"),
    ).toHaveLength(1);
    expect(check('libs/flags/flags.module.ts', "import { F } from './persistence/flags-entities.js';")).toEqual([]);
  });

  it('refuses Nest, TypeORM, pg, redis or rxjs in the engine and the SDK, and any service package in the engine', () => {
    expect(check('libs/evaluation/src/x.ts', "import { Injectable } from '@nestjs/common';")).toEqual([
      "libs/evaluation/src/x.ts:1 imports '@nestjs/common' [engine, SDK and admin UI stay pure]: libs/evaluation never imports Nest, TypeORM, pg, redis or rxjs",
    ]);
    for (const name of ['typeorm', 'pg', 'redis', 'rxjs']) {
      expect(check('sdk/src/client/x.ts', `import x from '${name}';`)).toHaveLength(1);
    }
    expect(check('libs/evaluation/src/x.ts', "import type { Actor } from '@switchyard/kernel';")).toHaveLength(1);
    expect(check('sdk/src/x.ts', "import { recentContextProblem } from '@switchyard/delivery';")).toHaveLength(1);
    expect(check('sdk/src/x.spec.ts', "import { recentContextProblem } from '@switchyard/delivery';")).toEqual([]);
  });

  it('lets @switchyard/nestjs alone among the SDK packages import Nest and rxjs, and depend on the SDK only', () => {
    expect(check('integrations/nestjs/src/x.ts', "import { Injectable } from '@nestjs/common';")).toEqual([]);
    expect(check('integrations/nestjs/src/x.ts', "import { from } from 'rxjs';")).toEqual([]);
    expect(check('integrations/nestjs/src/x.ts', "import { createClient } from '@switchyard/sdk';")).toEqual([]);
    expect(check('sdk/src/client/x.ts', "import { Injectable } from '@nestjs/common';")).toEqual([
      "sdk/src/client/x.ts:1 imports '@nestjs/common' [engine, SDK and admin UI stay pure]: sdk never imports Nest, TypeORM, pg, redis or rxjs",
    ]);
    expect(check('sdk/src/x.ts', "import { SwitchyardModule } from '@switchyard/nestjs';")).toHaveLength(2);
    expect(check('libs/flags/x.ts', "import { SwitchyardModule } from '@switchyard/nestjs';")).toEqual([
      "libs/flags/x.ts:1 imports '@switchyard/nestjs' [dependencies run one way]: only apps and tests use @switchyard/nestjs",
    ]);
    expect(check('integrations/nestjs/src/x.ts', "import { KillFlag } from '@switchyard/flags';")).toEqual([
      "integrations/nestjs/src/x.ts:1 imports '@switchyard/flags' [dependencies run one way]: @switchyard/nestjs depends on the SDK only",
    ]);
    expect(
      check('integrations/nestjs/src/x.ts', "import { Client } from '../../../sdk/src/client/switchyard-client.js';"),
    ).toEqual([
      "integrations/nestjs/src/x.ts:1 imports '../../../sdk/src/client/switchyard-client.js' [import by name]: reaches into sdk by a relative path; import '@switchyard/sdk' (its public entry)",
    ]);
    expect(check('apps/demo-shop/src/x.ts', "import { RequireFlag } from '@switchyard/nestjs';")).toEqual([]);
  });

  it('refuses server code in the admin UI, which may use the engine only', () => {
    expect(check('apps/admin/src/x.tsx', "import type { Actor } from '@switchyard/kernel';")).toEqual([
      "apps/admin/src/x.tsx:1 imports '@switchyard/kernel' [admin UI imports no server code]: the admin UI may use the engine's types only",
    ]);
    expect(check('apps/admin/src/x.tsx', "import { X } from '../../flag-service/src/create-app.js';")).toHaveLength(2);
    expect(check('apps/admin/src/x.tsx', "import type { Flag } from '@switchyard/evaluation';")).toEqual([]);
  });

  it('refuses test-only code in production code, and allows it in specs and test/', () => {
    expect(check('libs/delivery/delivery.module.ts', "import { TcpProxy } from './testing/tcp-proxy.js';")).toEqual([
      "libs/delivery/delivery.module.ts:1 imports './testing/tcp-proxy.js' [no test code in production]: production code imports test-only code",
    ]);
    expect(
      check('apps/flag-service/src/x.ts', "import { createTestDatabase } from '@switchyard/database/testing';"),
    ).toHaveLength(1);
    expect(check('libs/evaluation/src/x.ts', "import { booleanFlag } from './testing/flag-builder.js';")).toHaveLength(
      1,
    );
    expect(
      check('libs/flags/x.integration.spec.ts', "import { createTestDatabase } from '@switchyard/database/testing';"),
    ).toEqual([]);
    expect(check('test/x.e2e-spec.ts', "import { TcpProxy } from '@switchyard/delivery/testing';")).toEqual([]);
  });

  it('refuses a library importing an app, entities or repositories in a public entry, and barrels inside a context', () => {
    expect(check('libs/flags/x.ts', "import { createApp } from '@switchyard/flag-service';")).toHaveLength(1);
    expect(check('libs/flags/index.ts', "export { FlagEntity } from './persistence/flag.entity.js';")).toEqual([
      "libs/flags/index.ts:1 imports './persistence/flag.entity.js' [public entry hides persistence]: a context never exports its entities or repositories",
    ]);
    expect(boundaryViolations([], ['libs/flags/application/index.ts', 'libs/flags/index.ts'], layout)).toEqual([
      "libs/flags/application/index.ts [no barrels inside a context]: the context's one entry is libs/flags/index.ts",
    ]);
  });
});
