/** Third-party checks of the feeds: a strict XML validator, an npm feed parser, and the JSON Feed 1.1 schema. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';

/** True, or the validator's complaint with its line. */
export function strictXml(text: string): true | string {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false, unpairedTags: [] });
  return result === true ? true : `${result.err.code} at line ${result.err.line}: ${result.err.msg}`;
}

export { parseFeed };

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const schema = JSON.parse(readFileSync(new URL('../fixtures/jsonfeed-1.1.schema.json', import.meta.url), 'utf8')) as object;
const validateJsonFeed = ajv.compile(schema);

/** The schema's errors for a document, empty when it is a valid JSON Feed 1.1. */
export function jsonFeedErrors(feed: unknown): string[] {
  if (validateJsonFeed(feed)) return [];
  return (validateJsonFeed.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
