// Types for the part of bench/lib.mjs (plain Node helpers of the bench scripts) the tests use.
export declare const FULL_PAGE_SHOT_STYLE: string;
export declare function assertPortFree(port: number): Promise<void>;
