/** Asks for an API key when the server answers 401; one dialog at a time however many calls failed. */
import { credentials } from "../credentials";
import { h } from "../dom";

/** The team's API key, kept in this browser (see credentials.ts). */
export const apiKeyStore = credentials.apiKey;

let open: Promise<boolean> | null = null;

/** Resolves true once a key was saved (retry the call), false if the person cancelled. */
export function askForApiKey(serverMessage: string): Promise<boolean> {
  if (open) return open;
  open = new Promise<boolean>((resolve) => {
    const hadKey = Boolean(apiKeyStore.get());
    const input = h("input", { id: "api-key", name: "api-key", type: "password", autocomplete: "off", spellcheck: "false", required: true, "aria-describedby": "api-key-help api-key-error" });
    const error = h("p", { class: "field-error", id: "api-key-error", role: "alert" }, hadKey ? `The saved key was refused: ${serverMessage}` : "");
    const dialog = h(
      "dialog",
      { class: "dialog", "aria-labelledby": "api-key-title" },
      h(
        "form",
        { method: "dialog", class: "dialog-form" },
        h("h2", { id: "api-key-title" }, "API key needed"),
        h("p", { id: "api-key-help" }, "This server asks for the hiring team's API key. It is kept in this browser only and sent with every request."),
        h("div", { class: "field" }, h("label", { for: "api-key" }, "API key"), input, error),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "button primary", value: "save" }, "Save and continue"), h("button", { type: "submit", class: "button ghost", value: "cancel", formnovalidate: true }, "Cancel")),
      ),
    );
    const form = dialog.querySelector("form")!;
    form.addEventListener("submit", (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.value === "save" && !input.value.trim()) {
        event.preventDefault();
        error.textContent = "Enter the API key.";
        input.focus();
      }
    });
    dialog.addEventListener("close", () => {
      const saved = dialog.returnValue === "save" && input.value.trim() !== "";
      if (saved) apiKeyStore.set(input.value.trim());
      dialog.remove();
      open = null;
      updateFooter();
      resolve(saved);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
  return open;
}

/** A "Forget API key" link in the footer while a key is stored. */
export function updateFooter() {
  const slot = document.getElementById("footer-extra");
  if (!slot) return;
  if (!apiKeyStore.get()) return slot.replaceChildren();
  const forget = h("button", { type: "button", class: "button link small" }, "Forget API key");
  forget.addEventListener("click", () => {
    apiKeyStore.set(null);
    updateFooter();
  });
  slot.replaceChildren(" · ", forget);
}
