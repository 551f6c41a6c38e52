import v8 from "node:v8";
import vm from "node:vm";

// The memory tests need a full collection before each reading; `gc` is only exposed with this flag.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** The bytes of ArrayBuffers (Buffers, stream chunks) still referenced after a full collection. */
export function heldArrayBuffers(): number {
  gc();
  gc();
  return process.memoryUsage().arrayBuffers;
}
