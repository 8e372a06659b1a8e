import { s3ObjectEventsCheck } from "./lib/s3-object-events.js";

export default s3ObjectEventsCheck("write", { cis: "4.8", securityHub: "S3.22" });
