// Types for the part of bench/lib.mjs (plain Node helpers of the bench scripts) the end-to-end tests use.
export declare const FULL_PAGE_SHOT_STYLE: string;
