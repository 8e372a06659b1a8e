import { s3ObjectEventsCheck } from "./lib/s3-object-events.js";

export default s3ObjectEventsCheck("read", { cis: "4.9", securityHub: "S3.23" });
