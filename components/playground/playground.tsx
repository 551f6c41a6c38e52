import { getTranslations } from "next-intl/server";
import { type Locale, validationSay } from "@/lib/i18n";
import { SCENARIOS } from "@/lib/simulator/scenarios";
import { formBlocker, initialFormState } from "@/lib/spec/schema";
import { PlaygroundClient, type PlaygroundProps } from "./playground-client";

/**
 * The playground. A server component: it checks the initial values against the schema here, so the
 * first paint says why the form cannot run yet while zod stays out of the page's first load, and hands over
 * the simulator's scenarios as data rather than as a module (in `locale`; English for one not translated yet).
 */
export async function Playground({ locale, ...props }: PlaygroundProps & { locale: Locale }) {
  const initial = { ...(props.initialState ?? initialFormState(props.spec)), ...props.initialValues };
  const t = await getTranslations({ locale, namespace: "simulate.scenarios" });
  const scenarios = props.upstream.simulated
    ? SCENARIOS.map(({ id, label, description }) =>
        t.has(`${id}.label` as never)
          ? { id, label: t(`${id}.label` as never), description: t(`${id}.description` as never) }
          : { id, label, description },
      )
    : [];
  return <PlaygroundClient {...props} initialBlocker={formBlocker(props.spec, initial, validationSay(locale))} scenarios={scenarios} />;
}
