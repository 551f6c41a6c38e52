// Types for scripts/compile-hints.mjs (a plain Node script, run after `next build`), for its unit test.
export declare const COMPILE_HINT: string;
export declare function firstLoadScripts(distDir: string): string[];
export declare function addCompileHint(file: string): boolean;
export declare function markFirstLoadScripts(distDir: string): string[];
