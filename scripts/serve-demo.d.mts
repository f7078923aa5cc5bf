// Types for scripts/serve-demo.mjs (imported by test/browser/).
export declare const CSP: string;
export declare function serveDemo(opts?: {
  root?: string;
  host?: string;
  port?: number;
  mounts?: Record<string, string>;
}): Promise<{ url: string; close(): Promise<void> }>;
