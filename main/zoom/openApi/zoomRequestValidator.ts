import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Issue } from '../../../shared/ipc/envelope';
import { zoomApiDocument } from './zoomApiDocument';

/** An operation of Zoom's OpenAPI document matched to a request. */
export interface ZoomOperation {
  operationId: string;
  method: string;
  /** The path as the document writes it: `/zoom_events/events/{eventId}`. */
  template: string;
  /** Path parameters taken from the request path. */
  params: Record<string, string>;
}

interface OperationEntry {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  bodySchema?: object;
}

interface OperationObject {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: object }> };
}

const httpMethods = new Set(['get', 'post', 'put', 'patch', 'delete']);

function indexOperations(paths: Record<string, Record<string, OperationObject>>): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [template, item] of Object.entries(paths)) {
    const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`,
    );
    for (const [method, operation] of Object.entries(item)) {
      if (!httpMethods.has(method)) continue;
      entries.push({
        operationId: operation.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        pattern,
        paramNames,
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  // A literal segment beats a parameter: `/sessions/{id}/livestream` before `/sessions/{id}/{x}`.
  return entries.sort((a, b) => a.paramNames.length - b.paramNames.length);
}

/**
 * Zoom's document has known slips that would refuse every real request; each is repaired here
 * rather than in the stored copy, which stays as Zoom publishes it. So far: an `enum` of strings
 * placed on an array (`categories`) instead of on its items.
 */
function repairKnownSlips(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairKnownSlips);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = repairKnownSlips(value);
  if (copy.type === 'array' && Array.isArray(copy.enum) && typeof copy.items === 'object' && copy.items !== null) {
    copy.items = { ...copy.items, enum: copy.enum };
    delete copy.enum;
  }
  return copy;
}

function formatInstancePath(pointer: string, extra?: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) segments.push(extra);
  let out = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function issueOf(error: ErrorObject): Issue {
  const params = error.params as { missingProperty?: string; allowedValues?: unknown[] };
  const path = formatInstancePath(error.instancePath, params.missingProperty);
  const allowed = params.allowedValues === undefined ? '' : `: ${params.allowedValues.map(String).join(', ')}`;
  return { path, message: `${error.message ?? 'is not valid'}${allowed}` };
}

interface Compiler {
  ajv: Ajv;
  compiled: Map<string, ValidateFunction>;
}

/** Compiled validators per document, shared by every validator of the process: a new Zoom client compiles nothing again. */
const compilers = new WeakMap<object, Compiler>();

function compilerFor(document: object): Compiler {
  let compiler = compilers.get(document);
  if (compiler === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiler = { ajv, compiled: new Map() };
    compilers.set(document, compiler);
  }
  return compiler;
}

/**
 * Checks request bodies against the operations of Zoom's OpenAPI documents (`events-openapi.json`
 * as Zoom publishes it, and the Meetings operations Cadence uses: `zoomApiDocument.ts`). Used by the tests of every body Cadence builds,
 * by the Zoom client before it sends, and by the sandbox for every request it receives.
 * Validators are compiled on first use of each operation, once per process.
 */
export class ZoomRequestValidator {
  private readonly compiler: Compiler;
  private readonly operations: OperationEntry[];

  constructor(document: { paths: object } = zoomApiDocument) {
    this.compiler = compilerFor(document);
    this.operations = indexOperations(document.paths as Record<string, Record<string, OperationObject>>);
  }

  /** The operation a request addresses; `path` is relative to the API base, query allowed. */
  findOperation(method: string, path: string): ZoomOperation | undefined {
    const bare = path.split('?')[0] ?? '';
    const upper = method.toUpperCase();
    for (const entry of this.operations) {
      if (entry.method !== upper) continue;
      const match = entry.pattern.exec(bare);
      if (match === null) continue;
      const params: Record<string, string> = {};
      entry.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      return { operationId: entry.operationId, method: entry.method, template: entry.template, params };
    }
    return undefined;
  }

  /** The problems of a request body for the operation at `method path`; empty when valid. */
  bodyIssues(method: string, path: string, body: unknown): Issue[] {
    const operation = this.findOperation(method, path);
    if (operation === undefined) {
      return [{ path: '', message: `Zoom's API has no operation ${method.toUpperCase()} ${path}.` }];
    }
    const entry = this.operations.find((candidate) => candidate.operationId === operation.operationId);
    if (entry?.bodySchema === undefined) {
      return body === undefined ? [] : [{ path: '', message: `${operation.operationId} takes no request body.` }];
    }
    if (body === undefined) return [{ path: '', message: `${operation.operationId} needs a JSON request body.` }];
    const validate = this.validatorFor(entry.operationId, entry.bodySchema);
    return validate(body) ? [] : (validate.errors ?? []).map(issueOf);
  }

  private validatorFor(operationId: string, schema: object): ValidateFunction {
    let validate = this.compiler.compiled.get(operationId);
    if (validate === undefined) {
      validate = this.compiler.ajv.compile(repairKnownSlips(schema) as object);
      this.compiler.compiled.set(operationId, validate);
    }
    return validate;
  }
}
