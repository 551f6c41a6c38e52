/**
 * nano-banana-2: the model of the customer's guide (`shared/seed/model-guide-nano-banana-2.txt`), with the
 * seed's contradictions resolved as `shared/CONTRACT.md` says: duration is 6 or 10 (the seed's example
 * sends 5, which is refused), resolution 720P only, and the gateway the seed comes from calls it `gemini_omni`.
 */
import type { ModelSpec } from "@/lib/spec/model-spec";
import { COMMON_FIELD_TEXTS, FRAMES_720P, GATEWAY_FAQ, HOW_IT_WORKS, STANDARD_MODES } from "./shared";

export const nanoBanana2: ModelSpec = {
  id: "nano-banana-2",
  name: "nano-banana-2",
  upstreamId: { "task-contract": "nano-banana-2", "generation-task": "gemini_omni" },
  modes: STANDARD_MODES,
  aspectRatios: ["16:9", "9:16"],
  durations: [6, 10],
  resolutions: [{ value: "720P", frames: FRAMES_720P }],
  defaults: { aspect_ratio: "16:9", duration: 6, resolution: "720P" },
  referenceCounts: [1, 3],
  rules: [],
  related: ["gemini-omni-flash"],
  texts: {
    en: {
      tagline: "Text-to-Video, Image-to-Video, R2V and Video Edit at 720P, 6 or 10 seconds.",
      summary: [
        "nano-banana-2 supports Text-to-Video, Image-to-Video, R2V and Video Edit in one workflow.",
        "Use this guide to validate parameters with minimal request and response examples.",
        "Stabilise prompts here first, then move to production API integration.",
      ],
      capabilities: [
        { title: "Unified multi-mode testing", text: "Switch across Text-to-Video, Image-to-Video, R2V and Video Edit in one place." },
        { title: "Parameter-first validation", text: "Iterate quickly on prompts, durations and references before production rollout." },
        {
          title: "Production-ready handoff",
          text: "Minimal request and response shapes help you move stable configurations into API workflows.",
        },
      ],
      whenToUse: [
        "When you need fast iteration across several generation modes.",
        "When you need to validate parameters and error handling before integration.",
      ],
      whenNotToUse: [
        "For large-scale asynchronous batch production, use the server-side API pipeline directly.",
        "For strict auth and audit requirements, prefer backend orchestration.",
      ],
      howItWorks: HOW_IT_WORKS.en,
      fields: {
        ...COMMON_FIELD_TEXTS.en,
        aspect_ratio: "Frame shape: 16:9 renders 1280×720, 9:16 renders 720×1280.",
        duration: "Clip length in seconds. Not sent in Video Edit: the output follows the source.",
        resolution: "Output resolution. Only 720P today; omitted means the default.",
      },
      faq: [
        {
          q: "When should I use nano-banana-2?",
          a: "Use it to validate video concepts quickly, compare mode behaviour and converge prompts before API rollout.",
        },
        ...GATEWAY_FAQ.en,
      ],
    },
    ru: {
      tagline: "Text-to-Video, Image-to-Video, R2V и Video Edit в 720P, 6 или 10 секунд.",
      summary: [
        "nano-banana-2 поддерживает Text-to-Video, Image-to-Video, R2V и Video Edit в одном рабочем процессе.",
        "Используйте это руководство, чтобы проверить параметры на минимальных примерах запроса и ответа.",
        "Сначала стабилизируйте промпты здесь, затем переходите к интеграции с продакшен-API.",
      ],
      capabilities: [
        {
          title: "Единое тестирование всех режимов",
          text: "Переключайтесь между Text-to-Video, Image-to-Video, R2V и Video Edit в одном месте.",
        },
        { title: "Сначала — проверка параметров", text: "Быстро перебирайте промпты, длительности и референсы до выката в продакшен." },
        {
          title: "Готовая передача в продакшен",
          text: "Минимальные формы запроса и ответа помогают перенести стабильные настройки в API-процессы.",
        },
      ],
      whenToUse: [
        "Когда нужна быстрая итерация по нескольким режимам генерации.",
        "Когда нужно проверить параметры и обработку ошибок до интеграции.",
      ],
      whenNotToUse: [
        "Для крупного асинхронного пакетного производства используйте серверный API-конвейер напрямую.",
        "При строгих требованиях к аутентификации и аудиту отдавайте предпочтение оркестрации на бэкенде.",
      ],
      howItWorks: HOW_IT_WORKS.ru,
      fields: {
        ...COMMON_FIELD_TEXTS.ru,
        aspect_ratio: "Форма кадра: 16:9 даёт 1280×720, 9:16 — 720×1280.",
        duration: "Длина клипа в секундах. В Video Edit не отправляется: результат следует за исходником.",
        resolution: "Разрешение результата. Сейчас только 720P; если не указано, берётся значение по умолчанию.",
      },
      faq: [
        {
          q: "Когда использовать nano-banana-2?",
          a: "Чтобы быстро проверять видеоидеи, сравнивать поведение режимов и доводить промпты до выката в API.",
        },
        ...GATEWAY_FAQ.ru,
      ],
    },
  },
};
