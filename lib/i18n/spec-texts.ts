/**
 * The user-facing texts of the contract shared by every model (each mode's description, the error
 * table), gathered into one shape that a translation mirrors. English comes from lib/spec/contract.ts
 * (never copied into a message file); other languages provide the same shape under `spec` in their
 * message file, and a unit test keeps the shapes equal. A model's own texts live in its spec
 * (`texts.en`, `texts.ru`).
 */
import { CONTRACT_MODES, ERRORS, type ErrorType, GATEWAY_ANSWERS, type ModeId, TASK_FAILURES } from "@/lib/spec/contract";

export type ContractTexts = {
  modes: Record<ModeId, { description: string }>;
  errors: Record<ErrorType, { trigger: string; fix: string; retry: string }>;
  gatewayAnswers: Record<(typeof GATEWAY_ANSWERS)[number]["id"], { title: string; explanation: string }>;
  taskFailures: Record<(typeof TASK_FAILURES)[number]["type"], { fix: string }>;
};

/** The contract's own (English) texts in the translatable shape. */
export function englishContractTexts(): ContractTexts {
  return {
    modes: Object.fromEntries(CONTRACT_MODES.map((m) => [m.id, { description: m.description }])) as ContractTexts["modes"],
    errors: Object.fromEntries(ERRORS.map((e) => [e.type, { trigger: e.trigger, fix: e.fix, retry: e.retry }])) as ContractTexts["errors"],
    gatewayAnswers: Object.fromEntries(
      GATEWAY_ANSWERS.map((g) => [g.id, { title: g.title, explanation: g.explanation }]),
    ) as ContractTexts["gatewayAnswers"],
    taskFailures: Object.fromEntries(TASK_FAILURES.map((f) => [f.type, { fix: f.fix }])) as ContractTexts["taskFailures"],
  };
}

/** The shape of a value: keys and array lengths, with every string replaced by "string". */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  return typeof value;
}
