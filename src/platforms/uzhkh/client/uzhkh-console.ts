import type { ConsoleExtension } from '../../../engine/connector/console-extension.js';

const decisions = '/v1/orgs/{org}/connections/{connection}/uzhkh/decisions';

/**
 * «Умное ЖКХ» in the operator console: the registration requests in the inbox get approve/reject
 * buttons (POST …/uzhkh/decisions, delivered by HandleRequestToRegister, seed 001), and each
 * connection gets a page of the billing's commands with their outcome.
 */
export const uzhkhConsole: ConsoleExtension = {
  inboxActions: [
    {
      kind: 'registration_request',
      title: 'Одобрить',
      path: decisions,
      body: [{ request: 'register', requestId: '{payload.requestId}', approve: true, notify: true }],
    },
    {
      kind: 'registration_request',
      title: 'Отклонить',
      path: decisions,
      body: [{ request: 'register', requestId: '{payload.requestId}', approve: false, cause: '{input}' }],
      input: { title: 'Причина отказа', required: true },
    },
    {
      kind: 'object_adding_request',
      title: 'Одобрить',
      path: decisions,
      body: [{ request: 'objectAdding', requestId: '{payload.requestId}', approve: true, notify: true }],
    },
    {
      kind: 'object_adding_request',
      title: 'Отклонить',
      path: decisions,
      body: [{ request: 'objectAdding', requestId: '{payload.requestId}', approve: false, cause: '{input}' }],
      input: { title: 'Причина отказа', required: true },
    },
  ],
  pages: [
    {
      id: 'commands',
      title: 'Решения и присвоение id',
      scope: 'connection',
      description:
        'Решения по заявкам жителей и id для объектов, созданных на платформе: что отправлено и что ответила платформа.',
      list: {
        path: '/v1/orgs/{org}/connections/{connection}/uzhkh/commands',
        key: 'key',
        columns: [
          { field: 'kind', title: 'Команда' },
          { field: 'command.requestId', title: 'Заявка' },
          { field: 'command.approve', title: 'Одобрена' },
          { field: 'command.cause', title: 'Причина' },
          { field: 'state', title: 'Состояние' },
          { field: 'message', title: 'Ответ платформы' },
          { field: 'updatedAt', title: 'Когда' },
        ],
      },
    },
  ],
};
