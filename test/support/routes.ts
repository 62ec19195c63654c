import { INestApplication } from '@nestjs/common';

export interface ApiRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every API route, read from the HTTP router itself, so routes added later are covered. */
export function apiRoutes(app: INestApplication): ApiRoute[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)!.stack;
  const routes: ApiRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const { path, methods } = layer.route;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs') || path.includes('{')) continue;
    for (const method of Object.keys(methods)) if (methods[method]) routes.push({ method: method.toUpperCase(), path });
  }
  return routes;
}

/** A concrete URL for a route pattern: every `:param` becomes a fresh UUID (or the given value). */
export function concrete(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '3f6c1f0e-8a57-4a4e-9d55-1d2b8a7f9a10');
}
