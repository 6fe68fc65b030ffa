import { ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings } from "@langchain/google-genai";
import type { CallPolicy } from "../providers/resilience.js";
import { ChatInterviewModel } from "./chat/chat-model.js";
import { ResilientChat, type ChatPolicies } from "./chat/resilient-chat.js";
import { ResilientEmbeddings } from "./resilient-embeddings.js";

export interface GeminiSettings {
  apiKeys: string[];
  model: string;
  embeddingModel: string;
  baseUrl?: string | undefined;
}

type StreamingClient = { generateContentStream: (...args: unknown[]) => Promise<{ response: Promise<unknown> }> };

/**
 * The Gemini SDK aggregates every stream into a second `response` promise that LangChain never
 * awaits: when the stream breaks (a reset, a malformed chunk), that promise rejects with nobody
 * listening, which would end the process. The stream's own error still reaches the caller.
 */
function withHandledStreamResponse(model: ChatGoogleGenerativeAI): ChatGoogleGenerativeAI {
  const client = (model as unknown as { client: StreamingClient }).client;
  const generateContentStream = client.generateContentStream.bind(client);
  client.generateContentStream = async (...args: unknown[]) => {
    const result = await generateContentStream(...args);
    result.response.catch(() => undefined);
    return result;
  };
  return model;
}

/** The Gemini interviewer: one LangChain client per API key, our retries instead of the SDK's. */
export function geminiInterviewer(settings: GeminiSettings, policies: ChatPolicies): ChatInterviewModel {
  const models = settings.apiKeys.map((apiKey) =>
    withHandledStreamResponse(new ChatGoogleGenerativeAI({ apiKey, model: settings.model, maxRetries: 0, temperature: 0.4, baseUrl: settings.baseUrl })),
  );
  return new ChatInterviewModel(new ResilientChat(models, policies, "Gemini API"), "gemini");
}

/** Gemini embeddings (768 dimensions), under the same call rules as the model. */
export function geminiEmbeddings(settings: GeminiSettings, policy: CallPolicy): ResilientEmbeddings {
  const clients = settings.apiKeys.map(
    (apiKey) =>
      new GoogleGenerativeAIEmbeddings({ apiKey, model: settings.embeddingModel, outputDimensionality: 768, maxRetries: 0, baseUrl: settings.baseUrl }),
  );
  return new ResilientEmbeddings(clients, policy, "Gemini embedding API");
}
