import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import (or re-export, dynamic import, require) with a literal specifier, as written in the tree. */
export interface ImportRef {
  /** Repository-relative path of the importing file, with `/` separators. */
  file: string;
  /** 1-based line of the specifier. */
  line: number;
  /** The specifier as written: `'../domain/flag.js'`, `'@switchyard/flags'`, `'typeorm'`. */
  specifier: string;
  /** `export … from` (a re-export) rather than an import. */
  reExport: boolean;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'dist-fuzz', 'coverage', '.switchyard', 'test-results']);
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every source file under `folders` (repository-relative, `/` separators), build output and dependencies aside. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return found.map((path) => relative(root, path).split(sep).join('/')).sort();
}

/** The imports of one file, read by the TypeScript parser (so comments and strings never count). */
export function importsOf(file: string, text: string): ImportRef[] {
  const kind = /\.[cm]?jsx?$/.test(file) ? ts.ScriptKind.JS : file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: ImportRef[] = [];
  const add = (literal: ts.Node, reExport: boolean): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    found.push({ file, line, specifier: literal.text, reExport });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, true);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, false);
    else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node.arguments[0]!, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import of every source file under `folders`. */
export function listImports(root: string, folders: readonly string[]): ImportRef[] {
  return sourceFiles(root, folders).flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));
}
