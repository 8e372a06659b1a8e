/** IAM policy analysis: the one module every IAM check uses. */
export * from "./catalog.js";
export * from "./resources.js";
export * from "./permissions.js";
export * from "./principals.js";
export * from "./admin.js";
export * from "./escalation.js";
export * from "./trust.js";
export * from "./privilege.js";
