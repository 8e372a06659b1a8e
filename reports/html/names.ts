import { isServiceId, serviceById } from "../../src/services/index.js";

/** A service's title ("Amazon S3"), or its id for one the registry does not know. */
export const serviceTitle = (id: string): string => (isServiceId(id) ? serviceById(id).title : id);

/** `1,234` */
export const count = (n: number): string => n.toLocaleString("en-US");

export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`;
