import { SCENARIOS } from "@/lib/simulator/scenarios";
import { formBlocker, initialFormState } from "@/lib/spec/schema";
import { PlaygroundClient, type PlaygroundProps } from "./playground-client";

/**
 * The playground. A server component: it checks the initial values against the schema here, so the
 * first paint says why the form cannot run yet while zod stays out of the page's first load, and hands over
 * the simulator's scenarios as data rather than as a module.
 */
export function Playground(props: PlaygroundProps) {
  const initial = { ...(props.initialState ?? initialFormState(props.spec)), ...props.initialValues };
  const scenarios = props.upstream.simulated ? SCENARIOS.map(({ id, label, description }) => ({ id, label, description })) : [];
  return <PlaygroundClient {...props} initialBlocker={formBlocker(props.spec, initial)} scenarios={scenarios} />;
}
