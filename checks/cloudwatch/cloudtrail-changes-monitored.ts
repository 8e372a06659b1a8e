import { ITEMS } from "./lib/items.js";
import { monitoringCheck } from "./lib/monitoring.js";

export default monitoringCheck(ITEMS["5.5"]);
