// Which configured topic a conversation is sent under (seed 000: the topic must correspond with the
// topic configured): compared trimmed and case-insensitive.
import type { Topic } from '../config/config.types';

export type TopicMatch =
  | { ok: true; topic: Topic; text: string }
  | { ok: false; reason: 'no-topic'; configuredTopics: string[] }
  | { ok: false; reason: 'unknown-topic'; topics: string[]; configuredTopics: string[] };

export function topicKey(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** The first of the conversation's topics that a configured topic matches. */
export function matchTopic(
  topics: readonly { text: string }[],
  configured: readonly Topic[],
): TopicMatch {
  const configuredTopics = configured.map((topic) => topic.topic.trim());
  const given = topics.map((topic) => topic.text.trim()).filter((text) => text !== '');
  if (given.length === 0) {
    return { ok: false, reason: 'no-topic', configuredTopics };
  }
  for (const text of given) {
    const topic = configured.find((candidate) => topicKey(candidate.topic) === topicKey(text));
    if (topic) {
      return { ok: true, topic, text };
    }
  }
  return { ok: false, reason: 'unknown-topic', topics: [...new Set(given)], configuredTopics };
}
