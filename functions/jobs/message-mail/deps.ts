/** The message-mail job's wiring: the waiting messages, people's e-mail addresses, SES and sent-mail markers. */
import { logger } from '#shared/http/logger';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoJobMailStore, type JobMailDeps } from '#shared/store/dynamo/job-mail';
import { DynamoMessageMailQueue } from '#shared/store/dynamo/messages';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import type { MessageMailQueue, PersonStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

export interface MessageMailDeps extends JobMailDeps {
  queue: MessageMailQueue;
  people: Pick<PersonStore, 'get'>;
}

export function messageMailDeps(table: TableRef, sender: MailSender): MessageMailDeps {
  return {
    queue: new DynamoMessageMailQueue(table),
    people: new DynamoPersonStore(table),
    marks: new DynamoJobMailStore(table),
    sender,
    now: () => new Date(),
    log: { warn: (message, extra) => logger.warn(message, extra) },
  };
}
