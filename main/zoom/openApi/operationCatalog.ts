import { rateLimitLabelOf, type RateLimitLabel } from '../rateLimits';
import { zoomApiDocument } from './zoomApiDocument';

/** What Cadence needs to know to call one operation of Zoom's OpenAPI document. */
export interface OperationSpec {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As the document writes it: `/zoom_events/events/{eventId}`. */
  template: string;
  /** The scopes any one of which lets a token call it: Zoom's classic (macro) scopes, then granular ones. */
  scopes: readonly string[];
  label: RateLimitLabel;
}

interface OperationObject {
  operationId?: string;
  /** The reference's Rate Limit Label, where the document carries it (the Meetings operations). */
  'x-rate-limit-label'?: string;
  'x-extensions'?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] };
}

const labels: readonly RateLimitLabel[] = ['LIGHT', 'MEDIUM', 'HEAVY'];

function labelOf(operationId: string, operation: OperationObject): RateLimitLabel {
  const written = labels.find((label) => label === operation['x-rate-limit-label']);
  return written ?? rateLimitLabelOf(operationId);
}

function indexCatalog(paths: Record<string, Record<string, OperationObject>>): Map<string, OperationSpec> {
  const catalog = new Map<string, OperationSpec>();
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === undefined) continue;
      catalog.set(operation.operationId, {
        operationId: operation.operationId,
        method: method.toUpperCase() as OperationSpec['method'],
        template,
        scopes: [
          ...(operation['x-extensions']?.['x-macro-scopes'] ?? []),
          ...(operation['x-extensions']?.['x-granular-scopes'] ?? []),
        ],
        label: labelOf(operation.operationId, operation),
      });
    }
  }
  return catalog;
}

const catalog = indexCatalog(zoomApiDocument.paths as Record<string, Record<string, OperationObject>>);

/** The operation of Zoom's documents with this operationId; throws for a name it does not have. */
export function operationSpec(operationId: string): OperationSpec {
  const spec = catalog.get(operationId);
  if (spec === undefined) throw new Error(`Zoom's OpenAPI document has no operation "${operationId}".`);
  return spec;
}

/** The request path for an operation, its parameters encoded. */
export function operationPath(spec: OperationSpec, params: Readonly<Record<string, string>>): string {
  return spec.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`${spec.operationId} needs the path parameter ${name}.`);
    return encodeURIComponent(value);
  });
}
