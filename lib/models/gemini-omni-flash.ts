/**
 * gemini-omni-flash: the second model of the gateway the seed comes from (`gemini_omni_flash` there).
 * Its facts are `shared/CONTRACT.md`'s and nothing more: the modes and inputs of nano-banana-2, durations
 * 4, 6 or 10 s, and 720P or 1080P, where 1080P (1920×1080) is allowed only with 16:9.
 */
import type { ModelSpec } from "@/lib/spec/model-spec";
import { COMMON_FIELD_TEXTS, FRAMES_720P, GATEWAY_FAQ, HOW_IT_WORKS, STANDARD_MODES } from "./shared";

export const geminiOmniFlash: ModelSpec = {
  id: "gemini-omni-flash",
  name: "gemini-omni-flash",
  upstreamId: { "task-contract": "gemini-omni-flash", "generation-task": "gemini_omni_flash" },
  modes: STANDARD_MODES,
  aspectRatios: ["16:9", "9:16"],
  durations: [4, 6, 10],
  resolutions: [
    { value: "720P", frames: FRAMES_720P },
    { value: "1080P", frames: { "16:9": { width: 1920, height: 1080 } } },
  ],
  defaults: { aspect_ratio: "16:9", duration: 6, resolution: "720P" },
  referenceCounts: [1, 3],
  rules: [{ when: { field: "resolution", values: ["1080P"] }, allow: { field: "aspect_ratio", values: ["16:9"] } }],
  related: ["nano-banana-2"],
  texts: {
    en: {
      tagline: "The same four modes with 4, 6 or 10 seconds, and 1080P for 16:9.",
      summary: [
        "gemini-omni-flash supports Text-to-Video, Image-to-Video, R2V and Video Edit, with the same inputs as nano-banana-2.",
        "It also takes 4-second clips, and renders 1080P (1920×1080) when the aspect ratio is 16:9.",
        "Validate parameters here with minimal request and response examples before you integrate.",
      ],
      capabilities: [
        { title: "Three durations", text: "4, 6 or 10 seconds; nano-banana-2 takes 6 or 10." },
        {
          title: "1080P for landscape",
          text: "720P in 16:9 or 9:16, and 1080P (1920×1080) in 16:9 only: the form and the server refuse 1080P with 9:16.",
        },
        {
          title: "Same task contract",
          text: "The same modes, media inputs, task lifecycle and errors as nano-banana-2: switch models without changing your client.",
        },
      ],
      whenToUse: [
        "When you need a 4-second clip, or a 1080P landscape clip.",
        "When you want to compare the same request on two models of one gateway.",
      ],
      whenNotToUse: [
        "For a 1080P portrait (9:16) clip: this model does not render one.",
        "For large-scale asynchronous batch production, use the server-side API pipeline directly.",
      ],
      howItWorks: HOW_IT_WORKS.en,
      fields: {
        ...COMMON_FIELD_TEXTS.en,
        aspect_ratio: "Frame shape: at 720P, 16:9 renders 1280×720 and 9:16 renders 720×1280; 1080P takes 16:9 only.",
        duration: "Clip length in seconds: 4, 6 or 10. Not sent in Video Edit: the output follows the source.",
        resolution: "Output resolution: 720P, or 1080P (1920×1080) with 16:9 only; omitted means 720P.",
      },
      faq: [
        {
          q: "How does gemini-omni-flash differ from nano-banana-2?",
          a: "It also takes 4-second clips, and 1080P (1920×1080) when the aspect ratio is 16:9. Modes, inputs, the task lifecycle and the errors are the same.",
        },
        ...GATEWAY_FAQ.en,
      ],
    },
    ru: {
      tagline: "Те же четыре режима: 4, 6 или 10 секунд и 1080P для 16:9.",
      summary: [
        "gemini-omni-flash поддерживает Text-to-Video, Image-to-Video, R2V и Video Edit с теми же входными данными, что и nano-banana-2.",
        "Он также делает клипы по 4 секунды и рендерит 1080P (1920×1080), когда соотношение сторон 16:9.",
        "Проверьте параметры здесь на минимальных примерах запроса и ответа до интеграции.",
      ],
      capabilities: [
        { title: "Три длительности", text: "4, 6 или 10 секунд; nano-banana-2 принимает 6 или 10." },
        {
          title: "1080P для горизонтального кадра",
          text: "720P в 16:9 или 9:16 и 1080P (1920×1080) только в 16:9: форма и сервер отклоняют 1080P с 9:16.",
        },
        {
          title: "Тот же контракт задач",
          text: "Те же режимы, медиавходы, жизненный цикл задачи и ошибки, что у nano-banana-2: модель можно сменить, не меняя клиент.",
        },
      ],
      whenToUse: [
        "Когда нужен клип на 4 секунды или горизонтальный клип в 1080P.",
        "Когда нужно сравнить один и тот же запрос на двух моделях одного шлюза.",
      ],
      whenNotToUse: [
        "Для вертикального (9:16) клипа в 1080P: эта модель его не рендерит.",
        "Для крупного асинхронного пакетного производства используйте серверный API-конвейер напрямую.",
      ],
      howItWorks: HOW_IT_WORKS.ru,
      fields: {
        ...COMMON_FIELD_TEXTS.ru,
        aspect_ratio: "Форма кадра: в 720P 16:9 даёт 1280×720, 9:16 — 720×1280; 1080P — только 16:9.",
        duration: "Длина клипа в секундах: 4, 6 или 10. В Video Edit не отправляется: результат следует за исходником.",
        resolution: "Разрешение результата: 720P или 1080P (1920×1080) только с 16:9; если не указано — 720P.",
      },
      faq: [
        {
          q: "Чем gemini-omni-flash отличается от nano-banana-2?",
          a: "Он также делает клипы по 4 секунды и 1080P (1920×1080) при соотношении сторон 16:9. Режимы, входные данные, жизненный цикл задачи и ошибки те же.",
        },
        ...GATEWAY_FAQ.ru,
      ],
    },
  },
};
