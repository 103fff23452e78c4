import type { z } from 'zod';
import type { PlannedCall } from '../../shared/sync/syncReport';
import { operationPath, operationSpec } from '../zoom/openApi/operationCatalog';
import type { ZoomCall, ZoomTransport } from '../zoom/zoomHttp';
import type { LastSyncedZoom } from './lastSyncedZoom';

/**
 * A Zoom transport that sends nothing: it records each call the real steps make (method, path,
 * body), and answers from Zoom as last synced. The dry run is the sync itself over this.
 */
export class RecordingZoomTransport implements ZoomTransport {
  readonly calls: PlannedCall[] = [];

  constructor(private readonly zoom: LastSyncedZoom) {}

  call<Schema extends z.ZodType>(operationId: string, call: ZoomCall, schema: Schema): Promise<z.output<Schema>>;
  call(operationId: string, call: ZoomCall): Promise<undefined>;
  call(operationId: string, call: ZoomCall, schema?: z.ZodType): Promise<unknown> {
    this.calls.push(plannedCallOf(operationId, call, this.zoom.seriesName(call)));
    const answer = this.zoom.answer(operationId, call);
    return Promise.resolve(schema === undefined ? undefined : schema.parse(answer));
  }
}

/** A call as the dry run lists it: method, path with its query, what it does, and its body. */
export function plannedCallOf(operationId: string, call: ZoomCall, series: string): PlannedCall {
  const spec = operationSpec(operationId);
  const query = Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined && value !== '');
  const search =
    query.length === 0
      ? ''
      : `?${new URLSearchParams(query.map(([key, value]) => [key, String(value)] as [string, string])).toString()}`;
  return {
    series,
    method: spec.method === 'PUT' ? 'PATCH' : spec.method,
    // Placeholders read as written: `{event of "Standup"}`.
    path: `${decodeURIComponent(operationPath(spec, call.params ?? {}))}${search}`,
    what: call.what ?? operationId,
    ...(call.body === undefined ? {} : { body: call.body }),
  };
}
