import { startTestApp } from './test-app';

export interface TestServer {
  /** Serves the built console at / and the API at /api, with the demo accounts. */
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const t = await startTestApp(overrides);
  return { baseUrl: t.baseUrl, stop: () => t.stop() };
}
