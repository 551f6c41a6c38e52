/**
 * The form's rules in the browser: zod, the spec's schema and the resolver, in a chunk of their own that
 * ./use-form-check.ts loads the first time a value is validated (never with the page).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { formBlocker, formSchema, type FormState } from "@/lib/spec/schema";

export const resolver = zodResolver(formSchema) as unknown as Resolver<FormState>;
export { formBlocker };
