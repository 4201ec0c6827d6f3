import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * One webhook URL in front of several app replicas, like a load balancer: each
 * delivery goes to the next replica in turn. Counts what each replica served.
 */
export interface LoadBalancer {
  url: string;
  served: number[];
  close(): Promise<void>;
}

export async function startLoadBalancer(targets: string[]): Promise<LoadBalancer> {
  const served = targets.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % targets.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(req.url ?? "/", targets[index]);
    const forward = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
