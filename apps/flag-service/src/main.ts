import 'reflect-metadata';
import { bootstrap } from './bootstrap.js';

bootstrap().catch((error: unknown) => {
  process.stderr.write(`switchyard: failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
