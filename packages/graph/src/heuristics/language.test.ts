import { describe, expect, it } from "vitest";
import { interviewLanguage, otherLanguageOf } from "./language.js";

describe("the language of an answer", () => {
  it("names the language of an answer that is not in the interview's language", () => {
    expect(otherLanguageOf("Ich habe den Dienst profiliert und einen Cache eingeführt, danach war er viel schneller.", "en")).toBe("de");
    expect(otherLanguageOf("I profiled the service and added a cache, and afterwards it was much faster.", "de")).toBe("en");
    expect(otherLanguageOf("Eu analisei o serviço e descobri que a maior parte do tempo ia para consultas repetidas.", "en")).toBe("pt");
  });

  it("accepts answers in the interview's language, including regional tags and English names", () => {
    expect(otherLanguageOf("Eu adicionei um cache Redis e a latência caiu de 900 ms para 120 ms depois disso.", "pt-BR")).toBeUndefined();
    expect(otherLanguageOf("Ich habe den Dienst profiliert und einen Cache eingeführt, danach war er viel schneller.", "German")).toBeUndefined();
    expect(interviewLanguage("pt-BR")).toBe("pt");
    expect(interviewLanguage("deu")).toBe("de");
    expect(interviewLanguage("English")).toBe("en");
  });

  it("does not judge short answers or technology names by their trigrams", () => {
    expect(otherLanguageOf("Ja, mit Kafka und Redis.", "en")).toBeUndefined();
    expect(otherLanguageOf("Yes, with Kafka and Redis.", "de")).toBeUndefined();
    expect(otherLanguageOf("Kubernetes, Terraform, PostgreSQL, GitHub Actions, Grafana and Prometheus on AWS.", "de")).toBeUndefined();
  });

  it("ignores code in an answer", () => {
    const answer = "SELECT merchant_id, COUNT(*) FROM payments GROUP BY merchant_id; I added an index on created_at and the report became fast.";
    expect(otherLanguageOf(answer, "en")).toBeUndefined();
  });

  it("tells a different writing system apart even in a short answer", () => {
    expect(otherLanguageOf("我优化了数据库查询。", "en")).toBe("zh");
    // Too short to tell Russian from Serbian or Ukrainian: flagged, but not named.
    expect(otherLanguageOf("Я оптимизировал запросы.", "en")).toBe("und");
    expect(otherLanguageOf("Я оптимизировал запросы к базе данных и добавил кэш, после чего время ответа сократилось.", "en")).toBe("ru");
  });

  it("never flags an answer when the interview's language is one it cannot identify", () => {
    expect(otherLanguageOf("Optimoin tietokantakyselyt ja lisäsin välimuistin, jolloin vasteaika lyheni huomattavasti.", "fi")).toBeUndefined();
    expect(otherLanguageOf("Ich habe den Dienst profiliert und einen Cache eingeführt, danach war er viel schneller.", "")).toBeUndefined();
  });
});
