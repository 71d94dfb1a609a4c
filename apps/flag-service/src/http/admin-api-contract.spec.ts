import { readFileSync } from 'node:fs';
import {
  buildOpenApiDocument,
  contractFiles,
  formatOpenApiDocument,
  generateAdminApiTypes,
} from './admin-api-contract.js';

// The admin UI compiles against apps/admin/src/api/generated/. When a controller or DTO changes, these fail
// until `npm run contract` (also part of `npm run build`) rewrites the files and they are committed.
describe('the admin API contract committed for the UI', () => {
  const files = contractFiles();
  let document: Awaited<ReturnType<typeof buildOpenApiDocument>>;

  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it('is the OpenAPI document the controllers and DTOs describe, built without a database', () => {
    expect(readFileSync(files.openApi, 'utf8')).toBe(formatOpenApiDocument(document));
  });

  it('holds the TypeScript types generated from that document', async () => {
    expect(readFileSync(files.types, 'utf8')).toBe(await generateAdminApiTypes(document));
  });

  it('describes the answers the UI reads, down to the kill record and its kind', async () => {
    const types = await generateAdminApiTypes(document);
    const answer = (path: string, method: 'get' | 'post') =>
      document.paths[path]?.[method]?.responses?.[method === 'post' ? '201' : '200'];
    expect(answer('/api/projects/{project}/environments/{env}/flags', 'get')).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/EnvironmentFlagListDto' } } },
    });
    expect(types).toMatch(/export interface KillDto \{[^}]*kind\?: "person" \| "token" \| "breaker" \| "schedule";/s);
  });
});
