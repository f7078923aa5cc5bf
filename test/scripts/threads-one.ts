// Run as a child process by test/threads-exit.test.ts: init({ threads: 1 })
// must give today's heap exactly (plain memory, no workers), and setThreads
// cannot add workers to it later.
import { heapMemory, init, setThreads, threadCount, zeros } from "../../src/index.js";

await init({ threads: 1 });
setThreads(4);
await new Promise((r) => setTimeout(r, 100));
const a = zeros([2048, 1024], { dtype: "float32" });
const b = a.T.copy();
console.log(JSON.stringify({ shared: heapMemory().buffer instanceof SharedArrayBuffer, threads: threadCount(), shape: b.shape }));
