import 'reflect-metadata';
import { StartupError, bootstrap } from './bootstrap.js';

bootstrap().catch((error: unknown) => {
  const detail =
    error instanceof StartupError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`switchyard: failed to start: ${detail}\n`);
  process.exit(1);
});
