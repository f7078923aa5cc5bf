// Types for scripts/build-web.mjs (imported by test/browser/).
export declare function buildWeb(opts?: { quiet?: boolean }): Promise<{ webDir: string; bundle: string }>;
