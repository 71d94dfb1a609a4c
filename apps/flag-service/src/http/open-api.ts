import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The OpenAPI document of the app's controllers, with both kinds of bearer credential. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Switchyard flag service')
    .setDescription('Admin API (admin tokens, `Bearer syt_…`) and SDK API (SDK keys, `Bearer sdk_…`).')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Admin token (syt_…)' }, 'admin-token')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'SDK key (sdk_…)' }, 'sdk-key')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** OpenAPI at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
