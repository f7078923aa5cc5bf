// Run as a child process by test/threads-exit.test.ts: uses the pool for a
// large copy, prints what it did, and then simply ends. The parent times how
// long the process takes to exit after the print (workers are unref'd).
import { init, setThreads, threadCount, zeros } from "../../src/index.js";

await init();
setThreads(2);
while (threadCount() < 2) await new Promise((r) => setTimeout(r, 1));
const a = zeros([2048, 1024], { dtype: "float32" });
const b = a.T.copy();
console.log(JSON.stringify({ threads: threadCount(), shape: b.shape, at: Date.now() }));
