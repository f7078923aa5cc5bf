// Every workload family of the side-by-side bench, in BENCH.md order.
import type { Workload } from "./harness.js";
import { workloads as creation } from "./creation.bench.js";
import { workloads as views } from "./views.bench.js";
import { workloads as copy } from "./copy.bench.js";
import { workloads as gather } from "./gather.bench.js";
import { workloads as overlap } from "./overlap.bench.js";
import { workloads as io } from "./io.bench.js";
import { workloads as astype } from "./astype.bench.js";
import { workloads as random } from "./random.bench.js";
import { workloads as math } from "./math.bench.js";
import { workloads as threads } from "./threads.bench.js";

export const allWorkloads: Workload[] = [...creation, ...views, ...copy, ...gather, ...astype, ...overlap, ...math, ...random, ...io, ...threads];
