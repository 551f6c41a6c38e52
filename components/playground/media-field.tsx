"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { type Accept, useDropzone } from "react-dropzone";
import { useSay } from "@/components/i18n/use-say";
import { ApiClientError } from "@/lib/client/api";
import { extensionOf } from "@/lib/media";
import { MEDIA_KINDS, type MediaKind, mediaPreviewUrl } from "@/lib/spec/form-state";
import { sayList } from "@/lib/spec/validation-words";
import { describedBy, inputClass } from "./field";

/** Local previews of files uploaded in this session, by the URL the upload returned. */
const previews = new Map<string, string>();

const noSubscription = () => () => {};

function acceptOf(kind: MediaKind): Accept {
  return Object.fromEntries(MEDIA_KINDS[kind].mimeTypes.map((m) => [m, [`.${extensionOf(m)}`, ...(m === "image/jpeg" ? [".jpeg"] : [])]]));
}

type Props = {
  id: string;
  label: string;
  kind: MediaKind;
  value: string;
  onChange: (url: string) => void;
  onUpload: (file: File) => Promise<string>;
  error?: string;
};

/** One media input: drag and drop or a file picker (uploaded through the proxy), or an https URL; with a preview. */
export function MediaField({ id, label, kind, value, onChange, onUpload, error }: Props) {
  const [status, setStatus] = useState<{ state: "idle" } | { state: "uploading"; name: string } | { state: "error"; message: string }>({
    state: "idle",
  });
  const t = useTranslations("playground.media");
  // Nothing here creates an Intl object: this renders with the page (a link may open in a mode with media),
  // and the page's first one is costly (components/i18n/intl-provider.tsx). English and Russian lower-case
  // alike without the locale's rules; the size is a whole number of megabytes, its unit in the catalogue.
  const lower = label.toLowerCase();
  const limits = MEDIA_KINDS[kind];
  const size = t("megabytes", { value: Math.round(limits.maxBytes / 1024 / 1024) });
  // "JPEG, PNG or WebP" with the language's "or".
  const types = sayList(useSay(), limits.label.split(/, | or /));
  const fileMessage = t(kind === "image" ? "imageRule" : "videoRule", { types, size });

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: acceptOf(kind),
    maxSize: limits.maxBytes,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDropRejected: (rejections) =>
      setStatus({ state: "error", message: t("refused", { name: rejections[0]?.file.name ?? t("thatFile"), rule: fileMessage }) }),
    onDropAccepted: async ([file]) => {
      setStatus({ state: "uploading", name: file.name });
      try {
        const url = await onUpload(file);
        previews.set(url, URL.createObjectURL(file));
        onChange(url);
        setStatus({ state: "idle" });
      } catch (err) {
        const message =
          err instanceof ApiClientError ? t("uploadRefused", { status: err.status, message: err.message }) : t("uploadFailed");
        setStatus({ state: "error", message });
      }
    },
  });

  // The server renders without the page's origin (only https previews); the browser then adds its own.
  const pageOrigin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
  // A file uploaded here previews from its blob; a typed URL only once it is one the field accepts.
  const candidate = previews.get(value) ?? mediaPreviewUrl(value, pageOrigin);
  // A valid address may still not answer with an image: show nothing rather than a broken one.
  const [failed, setFailed] = useState<string | null>(null);
  const previewSrc = candidate && candidate !== failed ? candidate : "";
  const shownError = status.state === "error" ? status.message : error;
  return (
    <fieldset className="min-w-0 space-y-1.5" aria-labelledby={`${id}-label`}>
      <div className="flex items-center justify-between">
        <span id={`${id}-label`} className="text-sm font-medium">
          {label}
        </span>
        {value && (
          <button
            type="button"
            onClick={() => onChange("")}
            className="text-xs text-zinc-600 dark:text-zinc-400 underline hover:text-zinc-800 dark:hover:text-zinc-200"
          >
            {t("remove", { label: lower })}
          </button>
        )}
      </div>
      <div
        {...getRootProps()}
        className={`flex items-center gap-3 rounded-lg border-2 border-dashed p-3 text-sm transition ${
          isDragActive ? "border-amber-500 bg-amber-50 dark:bg-amber-950/30" : "border-zinc-300 dark:border-zinc-700"
        }`}
      >
        <input {...getInputProps({ "aria-label": t("upload", { label: lower }) })} />
        {previewSrc && status.state !== "uploading" ? (
          kind === "image" ? (
            // biome-ignore lint/performance/noImgElement: a preview of the user's own file (often a blob: URL), nothing for next/image to optimise
            <img
              src={previewSrc}
              alt={t("preview", { label: lower })}
              className="h-16 w-24 shrink-0 rounded object-cover"
              onError={() => setFailed(previewSrc)}
            />
          ) : (
            <video
              src={previewSrc}
              aria-label={t("preview", { label: lower })}
              className="h-16 w-24 shrink-0 rounded bg-black object-cover"
              muted
              playsInline
              onError={() => setFailed(previewSrc)}
            />
          )
        ) : null}
        <div className="min-w-0 flex-1 text-zinc-600 dark:text-zinc-400">
          {status.state === "uploading" ? (
            <span role="status">{t("uploading", { name: status.name })}</span>
          ) : (
            <>
              {t(kind === "image" ? "dropImage" : "dropVideo")}{" "}
              <button type="button" onClick={open} className="font-medium text-amber-700 underline dark:text-amber-400">
                {t("choose")}
              </button>
              <span className="block text-xs">{t("limits", { types, size })}</span>
            </>
          )}
        </div>
      </div>
      <label htmlFor={`${id}-url`} className="sr-only">
        {t("url", { label })}
      </label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        placeholder={t("urlPlaceholder")}
        className={inputClass}
        value={value}
        onChange={(e) => {
          setStatus({ state: "idle" });
          onChange(e.target.value);
        }}
        aria-invalid={!!shownError}
        aria-describedby={describedBy(id, false, !!shownError)}
      />
      {shownError && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
