// GPT-2 BPE in a worker: building the tokenizer's rank table takes a few
// hundred milliseconds, which here overlaps with drawing E on the main
// thread instead of adding to the time before the page is interactive.
import { decode, encode } from "gpt-tokenizer/encoding/gpt2";

/** A request: text to tokenise. */
export interface TokenizeRequest {
  id: number;
  text: string;
}
/** The answer: ids and each token's text (escaped like a JSON string). */
export interface TokenizeReply {
  id: number;
  ids: number[];
  labels: string[];
}

const scope = globalThis as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
// Warm up: the first encode builds the rank table.
encode("warm up");
scope.onmessage = (e: MessageEvent) => {
  const { id, text } = e.data as TokenizeRequest;
  const ids = encode(text);
  const labels = ids.map((t) => JSON.stringify(decode([t])).slice(1, -1));
  scope.postMessage({ id, ids, labels } satisfies TokenizeReply);
};
