// Every test file runs against an initialised heap.
import { init } from "../src/index.js";

await init();
