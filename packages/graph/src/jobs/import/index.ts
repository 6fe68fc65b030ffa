export { classifyAddress, isAddressAllowed, literalAddress, type AddressClass, type AddressPolicy } from "./address.js";
export { decodeHtml } from "./decode.js";
export { AddressNotAllowedError, guardedLookup, resolveAllowed } from "./guard.js";
export { importJobPosting, parseJobUrl } from "./import.js";
export { parseJobPage } from "./parse.js";
export { postingKey } from "./posting-key.js";
export { defaultImportLimits, type ImportedJob, type ImportLimits, type ImportOptions, type ParsedJob } from "./types.js";
