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
    const spec = operationSpec(operationId);
    const query = Object.entries(call.query ?? {}).filter(([, value]) => value !== undefined && value !== '');
    const search =
      query.length === 0
        ? ''
        : `?${new URLSearchParams(query.map(([key, value]) => [key, String(value)] as [string, string])).toString()}`;
    const method = spec.method === 'PUT' ? 'PATCH' : spec.method;
    this.calls.push({
      series: this.zoom.seriesName(call),
      method,
      // Placeholders read as written: `{event of "Standup"}`.
      path: `${decodeURIComponent(operationPath(spec, call.params ?? {}))}${search}`,
      what: call.what ?? operationId,
      ...(call.body === undefined ? {} : { body: call.body }),
    });
    const answer = this.zoom.answer(operationId, call);
    return Promise.resolve(schema === undefined ? undefined : schema.parse(answer));
  }
}
