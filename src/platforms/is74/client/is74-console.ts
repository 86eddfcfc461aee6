import type { ConsoleExtension } from '../../../engine/connector/console-extension.js';

const users = '/v1/orgs/{org}/is74/users';

/** is74 in the operator console: the app's users (list, add, delete; the password is write-only). */
export const is74Console: ConsoleExtension = {
  pages: [
    {
      id: 'users',
      title: 'Пользователи is74',
      scope: 'org',
      description:
        'Жители, которые входят в приложение is74 по логину и паролю от УК. Пароль не показывается никогда.',
      list: {
        path: users,
        items: 'items',
        key: 'id',
        columns: [
          { field: 'id', title: 'ID' },
          { field: 'login', title: 'Логин' },
          { field: 'fullName', title: 'ФИО' },
          { field: 'accountNumbers', title: 'Лицевые счета' },
          { field: 'blocked', title: 'Заблокирован' },
          { field: 'updatedAt', title: 'Изменён' },
        ],
      },
      create: {
        path: users,
        title: 'Добавить пользователя',
        fields: [
          { name: 'id', title: 'ID (ext_user_id)', type: 'string', required: true },
          { name: 'login', title: 'Логин', type: 'string', required: true },
          { name: 'password', title: 'Пароль', type: 'password', required: true },
          { name: 'fullName', title: 'ФИО', type: 'string' },
          { name: 'accountNumbers', title: 'Лицевые счета (через запятую)', type: 'list' },
        ],
      },
      remove: { path: `${users}/delete`, title: 'Удалить' },
    },
  ],
};
