import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the engine package', () => {
  it('imports only its own files and re2js (its one runtime dependency): no I/O, no node: modules', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (!match[1].startsWith('./') && !match[1].startsWith('../') && match[1] !== 're2js')
          offenders.push(`${file}: ${match[1]}`);
      }
      if (/\brequire\s*\(/.test(text)) offenders.push(`${file}: require()`);
    }
    expect(offenders).toEqual([]);
  });

  it('declares re2js as its only runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')) as { dependencies?: object };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['re2js']);
  });
});
