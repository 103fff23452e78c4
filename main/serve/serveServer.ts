import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { CadenceError } from '../../shared/errors';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/envelope';
import { servePaths } from '../../shared/ipc/servePaths';
import type { CadenceEvent } from '../../shared/ipc/contract';
import type { Core } from '../core';
import {
  createSessionSecret,
  isAllowedHost,
  isAllowedOrigin,
  isSecretMatch,
  pageCookieName,
  readCookie,
  sessionFragment,
  sessionHeader,
  SessionKeys,
  splitRequestPath,
} from './requestGuards';
import { readAsset } from '../assets/readAsset';

const maxBodyBytes = 1024 * 1024;
const heartbeatMs = 15_000;

export interface ServeOptions {
  core: Core;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed secret for tests; a fresh random one otherwise. */
  secret?: string;
}

export interface ServeHandle {
  /** The URL to open, secret included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly secret: string;
  close(): Promise<void>;
}

const statusByCode: Readonly<Record<IpcErrorCode, number>> = {
  invalid_input: 400,
  unknown_channel: 404,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  locked: 423,
  internal: 500,
};

/**
 * Serves the built renderer and the IPC contract over HTTP and server-sent events on 127.0.0.1.
 * Every request must name this server as Host (and Origin, when a browser sends one), which shuts
 * out other sites and DNS rebinding. The launch link's secret is traded for a page session that
 * travels only in a header (and in the event stream's address), never in a cookie: browsers send
 * cookies to every local port. The cookie a page gets opens the app's public files and nothing else.
 */
export async function startServeServer(options: ServeOptions): Promise<ServeHandle> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new CadenceError(
      'unavailable',
      `The user interface is not built (no ${join(options.rendererDir, 'index.html')}). Run "npm run build" first.`,
    );
  }
  const secret = options.secret ?? createSessionSecret();
  const sessions = new SessionKeys();
  const pageKeys = new SessionKeys();
  /** A page's session, or this launch's secret (what scripts and tests present). */
  const isSession = (presented: string | undefined) =>
    presented !== undefined && (sessions.has(presented) || isSecretMatch(presented, secret));
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // The path only: a query string may carry a secret.
      const path = (request.url ?? '').split('?', 1)[0];
      options.core.logger.error('serve request failed', { path, error });
      if (!response.headersSent) sendText(response, 500, 'Cadence could not answer this request.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) {
      sendText(response, 403, 'This address is not served here.');
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port) || request.headers['sec-fetch-site'] === 'cross-site') {
      sendText(response, 403, 'Requests from other sites are refused.');
      return;
    }
    const raw = request.url ?? '/';
    const presentedToken = new URLSearchParams(raw.includes('?') ? raw.slice(raw.indexOf('?') + 1) : '').get('token');
    if (presentedToken !== null) {
      if (!isSecretMatch(presentedToken, secret)) {
        sendText(response, 401, 'This link has expired.');
        return;
      }
      // The secret leaves the address bar and history; the page's session goes in the fragment,
      // which no request carries, and the page's cookie opens only the app's files.
      response.setHeader('Set-Cookie', `${pageCookieName(port)}=${pageKeys.mint()}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: `/#${sessionFragment}=${sessions.mint()}` });
      response.end();
      return;
    }
    const url = splitRequestPath(raw);
    if (url === undefined) {
      sendText(response, 400, 'Malformed path.');
      return;
    }
    if (url.path.startsWith(servePaths.callPrefix)) {
      if (!isSession(headerValue(request.headers[sessionHeader]))) {
        sendText(response, 401, 'Open the link that "cadence serve" printed to use Cadence here.');
        return;
      }
      return handleCall(request, response, url.path);
    }
    if (url.path === servePaths.events) {
      if (!isSession(url.query.get('session') ?? undefined)) {
        sendText(response, 401, 'Open the link that "cadence serve" printed to use Cadence here.');
        return;
      }
      handleEvents(request, response);
      return;
    }
    if (!pageKeys.has(readCookie(request.headers.cookie, pageCookieName(port)))) {
      sendText(response, 401, 'Open the link that "cadence serve" printed to use Cadence here.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    const file = await readAsset(options.rendererDir, url.path);
    if (!file) {
      sendText(response, 404, 'Not found.');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendText(response, 405, 'Calls are POST requests.');
      return;
    }
    // A JSON content type cannot be sent by a plain HTML form, which closes the classic CSRF route.
    if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? '')) {
      sendText(response, 415, 'Calls carry a JSON body (Content-Type: application/json).');
      return;
    }
    const channel = safeDecode(path.slice(servePaths.callPrefix.length));
    const body = await readBody(request);
    if (body === undefined) {
      sendResult(response, invalidBody(`The request body is larger than ${maxBodyBytes} bytes.`));
      return;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendResult(response, invalidBody('The request body is not valid JSON.'));
      return;
    }
    sendResult(response, await options.core.router.dispatch(channel, payload));
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      sendText(response, 405, 'The event stream is a GET request.');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  const unsubscribe = options.core.events.subscribe((event: CadenceEvent) => {
    const frame = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${secret}`,
    origin,
    port,
    secret,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cache-Control', 'no-store');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sendResult(response: ServerResponse, result: IpcResult<unknown>): void {
  const status = result.ok ? 200 : statusByCode[result.error.code];
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(result));
}

function invalidBody(message: string): IpcResult<never> {
  return { ok: false, error: new CadenceError('invalid_input', message, [{ path: '', message }]).toIpcError() };
}

/** A malformed escape yields a name no channel has, so the router refuses it like any unknown one. */
function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** Reads the whole body, or undefined once it passes the size limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
