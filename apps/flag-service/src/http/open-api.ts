import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs (UI) and /api/docs-json, with both kinds of bearer credential. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Switchyard flag service')
    .setDescription('Admin API (admin tokens, `Bearer syt_…`) and SDK API (SDK keys, `Bearer sdk_…`).')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Admin token (syt_…)' }, 'admin-token')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'SDK key (sdk_…)' }, 'sdk-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
