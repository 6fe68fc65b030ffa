/**
 * The hiring team's page (/team): jobs, typed in or imported from a posting; invite links for each
 * job (the link is shown once, with a copy button); and every interview in a sortable, filterable
 * table that pages with "Load more". Team routes need the team's key; a 401 asks for it.
 */
import type { ApiClient } from "../api";
import { isApiError, type ApiError } from "../api";
import type { CreateJob, InterviewRow, Invite, InviteCreated, Job } from "../contract";
import { ROLES, STATUSES } from "../contract";
import { announce, focusElement, h, isPlainClick, nextId } from "../dom";
import { download, fileSlug } from "../download";
import { reviewPath } from "../route";
import { ROLE_LABELS, STATUS_LABELS } from "../labels";
import {
  DEFAULT_INVITE_HOURS, INITIAL_LIST, ariaSort, inviteRequest, inviteState, jobLabel, jobRequest, listQuery, rowView, toggleSort, type JobFields, type ListState,
  type SortColumn,
} from "../team";
import { LIMITS } from "../validation";

export interface TeamHandlers {
  /** Opens an interview (or its report) in this page. */
  onOpenInterview: (threadId: string) => void;
  /** A friendly sentence for an error. */
  describe: (error: unknown) => string;
  /** The table's filters or sort changed: the page keeps them in its address. */
  onListChange?: (list: ListState) => void;
}

/** How long typing in the name search pauses before the list is asked for. */
const SEARCH_PAUSE_MS = 300;

const fieldBox = (id: string, label: string, control: HTMLElement, hint?: string, optional = false) =>
  h(
    "div",
    { class: "field" },
    h("label", { for: id }, label, optional ? h("span", { class: "optional" }, " (optional)") : null),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    control,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );

export function renderTeam(api: ApiClient, handlers: TeamHandlers, initialList: ListState = INITIAL_LIST): HTMLElement {
  let jobs: Job[] = [];
  let list: ListState = { ...initialList };
  let cursor: string | null = null;
  let listGeneration = 0;

  // ------------------------------------------------------------ jobs

  const jobsStatus = h("p", { class: "hint", role: "status" }, "Loading jobs…");
  const jobList = h("ul", { class: "job-list", "aria-labelledby": "jobs-title" });

  function renderJobs() {
    // A link's job that is gone (erased, or from another server) would filter to nothing under "All jobs".
    if (list.job_id && !jobs.some((j) => j.job_id === list.job_id)) changeList({ ...list, job_id: "" });
    jobsStatus.textContent = jobs.length ? "" : "No jobs yet. Create one below to send invite links.";
    jobList.replaceChildren(...jobs.map(jobItem));
    jobFilter.replaceChildren(h("option", { value: "" }, "All jobs"), ...jobs.map((j) => h("option", { value: j.job_id, selected: list.job_id === j.job_id }, jobLabel(j))));
  }

  function jobItem(job: Job) {
    const invitesId = nextId("invites");
    const invites = h("div", { class: "invites", id: invitesId });
    const details = h(
      "details",
      { class: "invite-details" },
      h("summary", {}, "Invite links"),
      invites,
    );
    let loaded = false;
    details.addEventListener("toggle", () => {
      if (details.open && !loaded) {
        loaded = true;
        renderInvites(job, invites);
      }
    });
    const facts = [job.location, job.employment_type].filter(Boolean).join(" · ");
    return h(
      "li",
      { class: "card job", "data-job-id": job.job_id },
      h("h3", {}, jobLabel(job)),
      facts ? h("p", { class: "hint" }, facts) : null,
      h("p", { class: "hint", "data-results": job.share_results ? "shared" : "kept" }, job.share_results ? "Candidates see their scores and report." : "Candidates are thanked at the end; only the team sees how they did."),
      job.skills.length ? h("p", { class: "tags" }, job.skills.slice(0, 12).map((s) => h("span", { class: "tag" }, s))) : null,
      job.source_url ? h("p", { class: "hint" }, "Imported from ", h("a", { href: job.source_url, rel: "noopener noreferrer", target: "_blank" }, new URL(job.source_url).hostname)) : null,
      details,
    );
  }

  async function renderInvites(job: Job, box: HTMLElement) {
    const status = h("p", { class: "hint", role: "status" }, "Loading invite links…");
    const rows = h("ul", { class: "invite-list" });
    const created = h("div", { class: "invite-created", hidden: true, tabindex: -1 });
    const hoursId = nextId("invite-hours");
    const usesId = nextId("invite-uses");
    const nameId = nextId("invite-name");
    const name = h("input", { id: nameId, type: "text", autocomplete: "off", maxlength: LIMITS.username, "aria-describedby": `${nameId}-hint` });
    const hours = h("input", { id: hoursId, type: "number", inputmode: "numeric", min: 1, max: LIMITS.inviteHours, value: String(DEFAULT_INVITE_HOURS), "aria-describedby": `${hoursId}-hint ${hoursId}-error` });
    const uses = h("input", { id: usesId, type: "number", inputmode: "numeric", min: 1, max: LIMITS.inviteUses, value: "1", "aria-describedby": `${usesId}-hint` });
    const create = h("button", { type: "submit", class: "button primary small" }, "Create invite link");
    const form = h(
      "form",
      { class: "invite-form", novalidate: true, "aria-label": `New invite link for ${jobLabel(job)}` },
      fieldBox(nameId, "Candidate's name", name, "Shown here beside the link, and filled in for the candidate.", true),
      h("div", { class: "grid-2" }, fieldBox(hoursId, "Works for (hours)", hours, "One week by default."), fieldBox(usesId, "Interviews it can start", uses, "Empty: any number until it expires.")),
      h("div", { class: "actions" }, create),
    );
    const error = form.querySelector<HTMLElement>(`#${hoursId}-error`)!;

    const refresh = async () => {
      try {
        const invites = await api.listInvites(job.job_id);
        status.textContent = invites.length ? "" : "No invite links yet.";
        rows.replaceChildren(...invites.map((i) => inviteItem(job, i, refresh)));
      } catch (e) {
        status.textContent = handlers.describe(e);
      }
    };

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.hidden = true;
      const request = inviteRequest(hours.value, uses.value, name.value);
      if ("error" in request) {
        error.textContent = request.error;
        error.hidden = false;
        ({ hours, uses, name })[request.field].focus();
        return;
      }
      create.disabled = true;
      try {
        showCreated(created, await api.createInvite(job.job_id, request.body));
        name.value = "";
        await refresh();
      } catch (e) {
        error.textContent = handlers.describe(e);
        error.hidden = false;
      } finally {
        create.disabled = false;
      }
    });

    box.replaceChildren(created, status, rows, form);
    await refresh();
  }

  /** The new link, shown once: only its digest is kept on the server. */
  function showCreated(box: HTMLElement, invite: InviteCreated) {
    const id = nextId("invite-url");
    const url = h("input", { id, type: "text", readOnly: true, value: invite.url, class: "invite-url", spellcheck: "false" });
    url.addEventListener("focus", () => url.select());
    const copied = h("span", { class: "hint", role: "status" });
    const copy = h("button", { type: "button", class: "button secondary small", "data-action": "copy" }, "Copy link");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(invite.url);
        copied.textContent = "Copied.";
      } catch {
        // No clipboard access (an http page, say): the link is selected for Ctrl/⌘+C.
        url.focus();
        url.select();
        copied.textContent = "Press Ctrl+C (⌘+C on a Mac) to copy the selected link.";
      }
    });
    box.replaceChildren(
      h("p", { class: "notice-title" }, "Invite link created"),
      h("label", { for: id }, `Send this link to ${invite.candidate_name ?? "the candidate"}`),
      h("div", { class: "copy-row" }, url, copy),
      copied,
      h("p", { class: "hint" }, "It is shown only now: copy it before you leave this page. ", inviteState(invite).text, "."),
    );
    box.hidden = false;
    focusElement(box);
    announce("Invite link created. Copy it now; it is shown only once.");
  }

  function inviteItem(job: Job, invite: Invite, refresh: () => Promise<void>) {
    const state = inviteState(invite);
    const revoke = h("button", { type: "button", class: "button ghost small danger" }, "Revoke");
    revoke.addEventListener("click", async () => {
      if (!window.confirm("Revoke this invite link? Interviews it started stay.")) return;
      revoke.disabled = true;
      try {
        await api.revokeInvite(job.job_id, invite.invite_id);
        announce("Invite link revoked.");
        await refresh();
      } catch (e) {
        revoke.disabled = false;
        window.alert(handlers.describe(e));
      }
    });
    return h(
      "li",
      { class: `invite ${state.active ? "active" : "inactive"}`, "data-invite-id": invite.invite_id },
      h("span", {}, invite.candidate_name ? h("strong", {}, invite.candidate_name) : null, invite.candidate_name ? " · " : null, state.text),
      state.active ? revoke : null,
    );
  }

  // ------------------------------------------------------------ new job

  const jobErrors = new Map<string, HTMLElement>();
  const input = (name: keyof JobFields, props: Record<string, string | number | boolean> = {}) =>
    h("input", { id: `job-${name}`, name, type: "text", "aria-describedby": `job-${name}-error`, ...props });
  const area = (name: keyof JobFields, rows: number, props: Record<string, string | number> = {}) =>
    h("textarea", { id: `job-${name}`, name, rows, "aria-describedby": `job-${name}-hint job-${name}-error`, ...props });
  const controls = {
    url: input("url", { type: "url", maxlength: LIMITS.jobUrl, placeholder: "https://jobs.example.com/…", inputmode: "url" }),
    job_title: input("job_title", { maxlength: LIMITS.jobTitle }),
    company_name: input("company_name", { maxlength: LIMITS.companyName }),
    location: input("location", { maxlength: 200 }),
    job_description: area("job_description", 4, { maxlength: LIMITS.jobDescription }),
    requirements: area("requirements", 3),
    skills: area("skills", 2),
  };
  const sourceInputs = (["fields", "url"] as const).map((v) => h("input", { type: "radio", name: "job-source", id: `job-source-${v}`, value: v, checked: v === "fields" }));
  const shareResults = h("input", { type: "checkbox", id: "job-share_results", name: "share_results", "aria-describedby": "job-share_results-hint" });
  const shareField = h(
    "div",
    { class: "field" },
    h("label", { class: "choice", for: "job-share_results" }, shareResults, h("span", {}, "Show candidates their scores and report")),
    h("p", { class: "hint", id: "job-share_results-hint" }, "Off: candidates are thanked at the end, and only the team sees how they did."),
  );
  const urlField = fieldBox("job-url", "Job posting address", controls.url, "The posting is read from the page; fields typed below override it.");
  const createJobButton = h("button", { type: "submit", class: "button primary" }, "Create job");
  const jobSummary = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  const jobForm = h(
    "form",
    { class: "card job-form", novalidate: true, "aria-labelledby": "new-job-title" },
    h("h2", { id: "new-job-title" }, "New job"),
    h(
      "fieldset",
      { class: "field" },
      h("legend", {}, "From"),
      h(
        "div",
        { class: "choice-row compact" },
        h("label", { class: "choice", for: "job-source-fields" }, sourceInputs[0], h("span", {}, "Type in the details")),
        h("label", { class: "choice", for: "job-source-url" }, sourceInputs[1], h("span", {}, "Import a posting from its address")),
      ),
    ),
    urlField,
    h("div", { class: "grid-2" }, fieldBox("job-job_title", "Job title", controls.job_title), fieldBox("job-company_name", "Company", controls.company_name, undefined, true)),
    fieldBox("job-location", "Location", controls.location, undefined, true),
    fieldBox("job-job_description", "Job description", controls.job_description, "Its key terms shape the questions.", true),
    h("div", { class: "grid-2" }, fieldBox("job-requirements", "Requirements", controls.requirements, "One per line.", true), fieldBox("job-skills", "Skills", controls.skills, "One per line, or separated by commas.", true)),
    shareField,
    jobSummary,
    h("div", { class: "actions" }, createJobButton),
  );
  for (const name of Object.keys(controls)) jobErrors.set(name, jobForm.querySelector<HTMLElement>(`#job-${name}-error`)!);
  const source = () => (sourceInputs[1]!.checked ? "url" : "fields");
  const applySource = () => {
    urlField.hidden = source() !== "url";
    createJobButton.textContent = source() === "url" ? "Import job" : "Create job";
  };
  sourceInputs.forEach((r) => r.addEventListener("change", applySource));
  applySource();

  jobForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const [, el] of jobErrors) el.hidden = true;
    jobSummary.hidden = true;
    const fields = { source: source(), ...Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value])), share_results: shareResults.checked } as JobFields;
    const request = jobRequest(fields);
    if ("errors" in request) {
      const names = Object.keys(request.errors) as (keyof JobFields)[];
      for (const n of names) {
        const el = jobErrors.get(n);
        if (el) {
          el.textContent = request.errors[n]!;
          el.hidden = false;
        }
      }
      (controls[names[0] as keyof typeof controls] as HTMLElement | undefined)?.focus();
      return;
    }
    await submitJob(request.body);
  });

  async function submitJob(body: CreateJob) {
    createJobButton.disabled = true;
    jobForm.setAttribute("aria-busy", "true");
    try {
      const job = await api.createJob(body);
      jobs = [job, ...jobs.filter((j) => j.job_id !== job.job_id)];
      renderJobs();
      jobForm.reset();
      sourceInputs[0]!.checked = true;
      applySource();
      announce(`Job “${jobLabel(job)}” created.`);
      focusElement(jobList.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(job.job_id)}"] h3`));
    } catch (e) {
      const field = isApiError(e) && ["url_not_allowed", "url_unreachable", "not_a_job_posting", "posting_too_large", "job_exists"].includes(e.code) ? "url" : undefined;
      if (field) {
        const el = jobErrors.get(field)!;
        el.replaceChildren(isApiError(e, "job_exists") ? await alreadyAJob(e, body) : handlers.describe(e));
        el.hidden = false;
        controls.url.focus();
      } else {
        jobSummary.replaceChildren(h("p", {}, handlers.describe(e)));
        jobSummary.hidden = false;
        focusElement(jobSummary);
      }
    } finally {
      createJobButton.disabled = false;
      jobForm.setAttribute("aria-busy", "false");
    }
  }

  /** The posting is already a job (perhaps one a colleague made): a way to it, and a way to a second one. */
  async function alreadyAJob(error: ApiError, body: CreateJob): Promise<Node> {
    jobs = await api.listJobs().catch(() => jobs);
    renderJobs();
    const existing = jobs.find((j) => j.job_id === error.details.jobId);
    if (!existing) return document.createTextNode(handlers.describe(error));
    const show = h("button", { type: "button", class: "button ghost small" }, "Show that job");
    show.addEventListener("click", () => focusElement(jobList.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(existing.job_id)}"] h3`)));
    const second = h("button", { type: "button", class: "button secondary small" }, "Import as a second job");
    second.addEventListener("click", () => {
      jobErrors.get("url")!.hidden = true;
      void submitJob({ ...body, allow_duplicate: true });
    });
    return h("span", {}, `This posting is already the job “${jobLabel(existing)}”.`, h("span", { class: "actions error-actions" }, show, second));
  }

  // ------------------------------------------------------------ interviews

  const jobFilter = h("select", { id: "filter-job" }, h("option", { value: "" }, "All jobs"));
  const statusFilter = h(
    "select",
    { id: "filter-status" },
    h("option", { value: "" }, "Any status"),
    // The list reports both running states; one filter value each keeps them apart for the API.
    STATUSES.map((s) => h("option", { value: s }, s === "question" ? "In progress (candidate)" : s === "awaiting_question" ? "In progress (interviewer)" : STATUS_LABELS[s])),
  );
  const roleFilter = h("select", { id: "filter-role" }, h("option", { value: "" }, "Both kinds"), ROLES.map((r) => h("option", { value: r }, ROLE_LABELS[r])));
  const candidateFilter = h("input", { id: "filter-candidate", type: "search", maxlength: LIMITS.username, autocomplete: "off", spellcheck: "false", placeholder: "Part of a name", value: list.candidate });
  const filters = h(
    "div",
    { class: "grid-4 filters", role: "group", "aria-label": "Filter interviews" },
    h("div", { class: "field" }, h("label", { for: "filter-candidate" }, "Candidate"), candidateFilter),
    h("div", { class: "field" }, h("label", { for: "filter-job" }, "Job"), jobFilter),
    h("div", { class: "field" }, h("label", { for: "filter-status" }, "Status"), statusFilter),
    h("div", { class: "field" }, h("label", { for: "filter-role" }, "Role"), roleFilter),
  );
  statusFilter.value = list.status;
  roleFilter.value = list.role;
  function changeList(next: ListState) {
    list = next;
    handlers.onListChange?.(list);
    void loadInterviews(false);
  }
  const onFilter = () =>
    changeList({ ...list, candidate: candidateFilter.value.trim(), job_id: jobFilter.value, status: statusFilter.value as ListState["status"], role: roleFilter.value as ListState["role"] });
  [jobFilter, statusFilter, roleFilter].forEach((s) => s.addEventListener("change", onFilter));
  // The list follows the name as it is typed, once the typing pauses.
  let typing: ReturnType<typeof setTimeout> | undefined;
  candidateFilter.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (candidateFilter.value.trim() !== list.candidate) onFilter();
    }, SEARCH_PAUSE_MS);
  });

  const sortButton = (column: SortColumn, label: string) => {
    const button = h("button", { type: "button", class: "sort-button", "data-sort": column }, label, h("span", { class: "sort-mark", "aria-hidden": "true" }));
    button.addEventListener("click", () => changeList(toggleSort(list, column)));
    return button;
  };
  const createdHeader = h("th", { scope: "col", "aria-sort": "descending" }, sortButton("created", "Started"));
  const scoreHeader = h("th", { scope: "col", class: "num", "aria-sort": "none" }, sortButton("score", "Score"));
  const tbody = h("tbody");
  const tableStatus = h("p", { class: "hint", role: "status" });
  const more = h("button", { type: "button", class: "button secondary", hidden: true }, "Load more");
  more.addEventListener("click", () => void loadInterviews(true));
  const exportButton = h("button", { type: "button", class: "button secondary" }, "Download CSV");
  exportButton.addEventListener("click", () => void exportList());
  /** The whole filtered list as a spreadsheet, named for its job when it shows one. */
  async function exportList() {
    exportButton.disabled = true;
    try {
      const blob = await api.exportInterviews(listQuery(list));
      const job = jobs.find((j) => j.job_id === list.job_id);
      download(blob, `interviews-${job ? fileSlug(job.job_title) + "-" : ""}${new Date().toISOString().slice(0, 10)}.csv`);
      announce("The list was downloaded as a CSV file.");
    } catch (e) {
      tableStatus.textContent = handlers.describe(e);
    } finally {
      exportButton.disabled = false;
    }
  }
  const table = h(
    "div",
    { class: "table-wrap", tabindex: 0, role: "region", "aria-labelledby": "interviews-title" },
    h(
      "table",
      { class: "questions-table interviews-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Candidate"), h("th", { scope: "col" }, "Job"), h("th", { scope: "col" }, "Status"), scoreHeader, h("th", { scope: "col" }, "Recommendation"), createdHeader)),
      tbody,
    ),
  );

  function interviewRow(row: InterviewRow) {
    const r = rowView(row);
    const open = h("a", { href: reviewPath(r.threadId), class: "row-link" }, r.candidate);
    open.addEventListener("click", (event) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      handlers.onOpenInterview(r.threadId);
    });
    return h(
      "tr",
      { "data-thread-id": r.threadId },
      h("td", {}, open, h("span", { class: "hint block" }, r.role)),
      h("td", { "data-label": "Job" }, r.job),
      h("td", { "data-label": "Status" }, r.status, h("span", { class: "hint block" }, r.progress)),
      h("td", { class: "num", "data-label": "Score" }, r.score),
      h("td", { "data-label": "Recommendation" }, r.recommendation ? h("span", { class: `badge tone-${r.recommendation.tone}` }, r.recommendation.label) : h("span", { class: "hint" }, "—")),
      h("td", { "data-label": "Started" }, r.created),
    );
  }

  async function loadInterviews(append: boolean) {
    const mine = ++listGeneration;
    createdHeader.setAttribute("aria-sort", ariaSort(list, "created"));
    scoreHeader.setAttribute("aria-sort", ariaSort(list, "score"));
    more.disabled = true;
    tableStatus.textContent = "Loading interviews…";
    table.setAttribute("aria-busy", "true");
    try {
      const page = await api.listInterviews(listQuery(list, append ? cursor : null));
      if (mine !== listGeneration) return;
      if (!append) tbody.replaceChildren();
      tbody.append(...page.interviews.map(interviewRow));
      cursor = page.next_cursor;
      more.hidden = cursor === null;
      const shown = tbody.childElementCount;
      tableStatus.textContent = shown ? `${shown} interview${shown === 1 ? "" : "s"} shown${cursor ? "; more can be loaded" : ""}.` : "No interviews match.";
    } catch (e) {
      if (mine !== listGeneration) return;
      tableStatus.textContent = handlers.describe(e);
    } finally {
      if (mine === listGeneration) {
        more.disabled = false;
        table.setAttribute("aria-busy", "false");
      }
    }
  }

  const element = h(
    "section",
    { class: "view team-view", "aria-labelledby": "team-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Hiring team"), h("h1", { id: "team-title", tabindex: -1 }, "Jobs and interviews"), h("p", { class: "lede" }, "Create a job, send candidates an invite link, and follow their interviews here.")),
    h("div", { class: "card" }, h("h2", { id: "interviews-title" }, "Interviews"), filters, table, tableStatus, h("div", { class: "actions" }, more, exportButton)),
    h("div", {}, h("h2", { id: "jobs-title" }, "Jobs"), jobsStatus, jobList),
    jobForm,
  );

  void (async () => {
    try {
      jobs = await api.listJobs();
      renderJobs();
    } catch (e) {
      jobsStatus.textContent = handlers.describe(e);
    }
  })();
  void loadInterviews(false);
  return element;
}
