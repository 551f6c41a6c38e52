/**
 * Setup file of the unit project (vitest.config.ts): a unit test that starts a child process (ffmpeg,
 * redis-server, a shell), listens on a port, or opens a connection fails at once, naming the rule, instead
 * of quietly making the unit layer slow and dependent on the machine. Such a test belongs in a
 * `*.int.test.ts` file (`npm run test:integration`).
 */
import childProcess, { ChildProcess } from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

function refuse(what: string) {
  return () => {
    throw new Error(`A unit test may not ${what}: move the test to a *.int.test.ts file (npm run test:integration).`);
  };
}

// spawn, exec, execFile and fork start through ChildProcess's own (untyped) spawn; the synchronous three do not.
(ChildProcess.prototype as unknown as { spawn: unknown }).spawn = refuse("start a child process");
for (const name of ["spawnSync", "execSync", "execFileSync"] as const) childProcess[name] = refuse("start a child process");
net.Server.prototype.listen = refuse("listen on a port");
net.Socket.prototype.connect = refuse("open a network connection");
// The named imports (`import { execFileSync } from "node:child_process"`) see the replacements too.
syncBuiltinESMExports();
