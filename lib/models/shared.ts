/**
 * Pieces that several model specs compose: the four modes of the guide's contract with the fields each
 * sends (Video Edit sends no duration: the output follows the source), the field descriptions that do not
 * depend on the model, and the gateway's FAQ entries. A spec is a value; these are values it is built from.
 */
import { type FieldName, GATEWAY_ANSWERS } from "@/lib/spec/contract";
import type { ModelSpec, ModelTexts, SpecLocale } from "@/lib/spec/model-spec";

export const STANDARD_MODES: ModelSpec["modes"] = [
  { id: "text-to-video", fields: ["prompt", "aspect_ratio", "duration", "resolution"] },
  { id: "image-to-video", fields: ["prompt", "aspect_ratio", "duration", "resolution", "image_url"] },
  { id: "r2v", fields: ["prompt", "aspect_ratio", "duration", "resolution", "reference_image_urls"] },
  { id: "video-edit", fields: ["prompt", "aspect_ratio", "resolution", "video_url"] },
];

/** 16:9 → 1280×720 and 9:16 → 720×1280: the 720P frames of the gateway's models. */
export const FRAMES_720P = { "16:9": { width: 1280, height: 720 }, "9:16": { width: 720, height: 1280 } } as const;

type CommonField = Exclude<FieldName, "aspect_ratio" | "duration" | "resolution">;

export const COMMON_FIELD_TEXTS: Record<SpecLocale, Record<CommonField, string>> = {
  en: {
    prompt: "Main instruction describing the subject, action, scene and style. In Video Edit, the edit instruction.",
    image_url: "The first frame: an https URL, or the URL an upload returned.",
    reference_image_urls: "Reference images that guide the generation. Two references are refused by the backend.",
    video_url: "The source video to edit: an https URL, or the URL an upload returned.",
  },
  ru: {
    prompt: "Главная инструкция: объект, действие, сцена и стиль. В Video Edit — инструкция по правке.",
    image_url: "Первый кадр: https-URL или URL, который вернула загрузка.",
    reference_image_urls: "Референсные изображения, направляющие генерацию. Два референса бэкенд отклоняет.",
    video_url: "Исходное видео для правки: https-URL или URL, который вернула загрузка.",
  },
};

export const HOW_IT_WORKS: Record<SpecLocale, ModelTexts["howItWorks"]> = {
  en: [
    "Generation is an asynchronous task: create it with one HTTP request, then poll its status by task id.",
    "A task moves from queued to running (with progress) to succeeded or failed.",
    "The output panel shows every raw exchange, so the structure you integrate against is the one you saw.",
  ],
  ru: [
    "Генерация — асинхронная задача: создайте её одним HTTP-запросом, затем опрашивайте статус по id задачи.",
    "Задача переходит из queued в running (с прогрессом), затем в succeeded или failed.",
    "Панель результата показывает каждый сырой обмен, так что вы интегрируетесь с той же структурой, которую видели.",
  ],
};

/** The seed's FAQ entries about the gateway, true of every model it serves. */
export const GATEWAY_FAQ: Record<SpecLocale, ModelTexts["faq"]> = {
  en: [
    {
      q: "How do I choose Text-to-Video vs Image-to-Video?",
      a: "Use Text-to-Video when you only have instructions; use Image-to-Video when you already have key frames or a composition.",
    },
    {
      q: "What is the difference between R2V and Video Edit?",
      a: "R2V generates a new clip guided by reference images, while Video Edit modifies an existing video asset.",
    },
    { q: "An image or video model answers “invalid apitype: -1”", a: GATEWAY_ANSWERS[0].explanation },
    {
      q: "A generation task failed, but it was charged",
      a: "Ask for the task log or a screenshot and look for input or output token counts. If tokens were counted, the request was most likely sent through a chat endpoint rather than the media task workflow. Media models run as asynchronous HTTP task APIs: create a task, then poll by task id.",
    },
  ],
  ru: [
    {
      q: "Как выбрать между Text-to-Video и Image-to-Video?",
      a: "Text-to-Video — когда есть только инструкции; Image-to-Video — когда уже есть ключевые кадры или композиция.",
    },
    {
      q: "Чем R2V отличается от Video Edit?",
      a: "R2V создаёт новый клип по референсным изображениям, а Video Edit изменяет уже существующее видео.",
    },
    {
      q: "Ошибка у модели изображений или видео: «invalid apitype: -1»",
      a: "Запрос ушёл в чат-эндпоинт. Модели изображений и видео не используют чат-эндпоинт: отправьте HTTP-запрос, создающий задачу, затем опрашивайте эндпоинт статуса задачи. Сначала проверьте код запроса, URL и тело.",
    },
    {
      q: "Задача на генерацию завершилась ошибкой, но списание произошло",
      a: "Попросите лог задачи или скриншот и проверьте, есть ли там учёт входных или выходных токенов. Если токены посчитаны, запрос, скорее всего, отправлен через чат-эндпоинт, а не через медиа-процесс с задачами. Медиамодели работают как асинхронный HTTP API задач: создайте задачу, затем опрашивайте её по id задачи.",
    },
  ],
};
