/** A JSON schema as the app's OpenAPI document states it (the parts the fuzzer reads). */
export interface Schema {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

/** One operation of the document: what the fuzzer may vary. */
export interface FuzzRoute {
  method: string;
  /** The path template, e.g. `/api/projects/{project}/flags/{flag}`. */
  template: string;
  /** Path parameter names, read from the template (some controllers take `@Param()` whole and declare none). */
  params: string[];
  query: Array<{ name: string; schema: Schema }>;
  headers: string[];
  /** The request body's schema, references resolved lazily through `resolve`. */
  body?: Schema;
  credential: 'admin' | 'sdk';
}

interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Array<Record<string, unknown>>;
}

/** The subset of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document that takes a credential (public ones, health and docs, take no input). */
export function readRoutes(document: OpenApiDocument): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method) || !operation.security?.length) continue;
      const parameters = operation.parameters ?? [];
      routes.push({
        method: method.toUpperCase(),
        template,
        params: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        headers: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        body: operation.requestBody?.content?.['application/json']?.schema,
        credential: operation.security.some((rule) => 'sdk-key' in rule) ? 'sdk' : 'admin',
      });
    }
  }
  return routes;
}

/** Follows `$ref` and single-entry `allOf` to the schema they name. */
export function resolver(document: OpenApiDocument): (schema: Schema | undefined) => Schema {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined, depth = 0): Schema => {
    if (!schema || depth > 10) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
    if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0], depth + 1), nullable: schema.nullable };
    return schema;
  };
  return (schema) => resolve(schema);
}
