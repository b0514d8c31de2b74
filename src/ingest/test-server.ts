import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the loopback test server: a body with headers, or a raw handler. */
export type Route =
  | { status?: number; headers?: Record<string, string>; body: string | Buffer }
  | ((request: http.IncomingMessage, response: http.ServerResponse) => void);

/** An HTTP server on 127.0.0.1 for tests and benchmarks; routes can change while it runs. */
export interface TestServer {
  url: string;
  routes: Map<string, Route>;
  /** Requests seen, as `METHOD path`, with their headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts the loopback server on a free port. */
export async function startTestServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const route = table.get(path) ?? table.get(path.split('?')[0]!);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(request, response);
      return;
    }
    response.writeHead(route.status ?? 200, route.headers ?? {}).end(route.body);
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: table,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
