import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import {
  buildOpenApiDocument,
  contractFiles,
  formatOpenApiDocument,
  generateAdminApiTypes,
} from './http/admin-api-contract.js';

/**
 * `npm run contract` (and `npm run build`): writes the service's OpenAPI document and the admin UI's types
 * generated from it into apps/admin/src/api/generated/. No database needed.
 */
async function writeContract(): Promise<void> {
  const document = await buildOpenApiDocument();
  const files = contractFiles();
  writeFileSync(files.openApi, formatOpenApiDocument(document));
  writeFileSync(files.types, await generateAdminApiTypes(document));
  process.stdout.write(`Admin API contract written: ${files.openApi}, ${files.types}\n`);
}

writeContract().catch((error: unknown) => {
  process.stderr.write(
    `write-admin-api-contract: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exit(1);
});
