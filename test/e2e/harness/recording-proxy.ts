/**
 * A recording proxy: the browser's only way off this machine while the
 * privacy test runs. It writes down every request it is asked to forward —
 * plain HTTP (absolute-form `GET http://host/path`), HTTPS and WebSockets
 * (`CONNECT host:443`), an `Upgrade` request, or anything sent to it directly —
 * and forwards none of them: HTTP gets a 403, a tunnel is refused and closed.
 * Whatever context sent the request (a page, a content script, an extension
 * page, the extension's service worker or event page), it ends here.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyRecord {
  /** 'GET', 'POST', 'CONNECT', … */
  method: string;
  /** the absolute URL asked for, or `host:port` for a CONNECT */
  target: string;
}

export interface RecordingProxy {
  readonly port: number;
  /** Every request recorded so far, oldest first. */
  records(): ProxyRecord[];
  /** Resolves with the records once one matches `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (record: ProxyRecord) => boolean, timeoutMs?: number): Promise<ProxyRecord[]>;
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const records: ProxyRecord[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const record = (req: IncomingMessage) => {
    records.push({ method: req.method ?? '?', target: req.url ?? '' });
    for (const waiter of waiters) waiter();
  };
  const refuseSocket = (socket: Socket) => {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroySoon();
  };

  const server: Server = createServer((req, res) => {
    record(req);
    res.writeHead(403, { connection: 'close', 'content-type': 'text/plain' }).end('refused by the recording proxy');
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    record(req);
    refuseSocket(socket);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    record(req);
    refuseSocket(socket);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that hangs up mid-request is not the test's business.
  server.on('clientError', (_error, socket: Socket) => socket.destroy());

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    records: () => [...records],
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (!records.some(predicate)) return;
          clearTimeout(timer);
          waiters.delete(check);
          done([...records]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`The proxy recorded no such request within ${timeoutMs} ms: ${JSON.stringify(records)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
