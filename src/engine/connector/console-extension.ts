/**
 * What the operator console (`/ui/`) shows for a platform beyond its core pages. The console knows
 * no platform: it renders these declarations generically, and every action is a call to one of the
 * platform's documented `/v1` billing routes. Paths hold `{org}` and `{connection}` placeholders.
 */
export interface ConsoleExtension {
  /** Tables of what the platform's billing routes keep (is74 users, «Умное ЖКХ» commands). */
  pages?: ConsolePage[];
  /** Buttons on inbox rows of one kind (approve or reject a registration request). */
  inboxActions?: ConsoleInboxAction[];
}

export interface ConsoleColumn {
  /** A dotted path into the row (`command.requestId`). */
  field: string;
  title: string;
}

export interface ConsoleField {
  name: string;
  title: string;
  /** `list`: comma-separated text sent as an array of strings; `password` is write-only. */
  type: 'string' | 'password' | 'boolean' | 'list';
  required?: boolean;
}

export interface ConsolePage {
  /** Unique among the platform's pages; part of the console's URL. */
  id: string;
  title: string;
  /** `org`: one page per organisation; `connection`: one per connection of the platform. */
  scope: 'org' | 'connection';
  description?: string;
  list: {
    path: string;
    /** The answer's field holding the rows; the answer itself when absent. */
    items?: string;
    /** The row's field that identifies it (for `remove`). */
    key: string;
    columns: ConsoleColumn[];
  };
  /** A form whose values are POSTed as a one-element JSON array. */
  create?: { path: string; title: string; fields: ConsoleField[] };
  /** POSTs `{ keys: [row key] }` after a confirmation. */
  remove?: { path: string; title: string };
}

export interface ConsoleInboxAction {
  /** The inbox kind whose rows get the button. */
  kind: string;
  title: string;
  path: string;
  /**
   * The JSON body; a string value `{payload.x}` is replaced by the item's payload field, `{input}`
   * by what the operator typed when `input` is set.
   */
  body: unknown;
  /** Ask the operator for a text first (a rejection's cause). */
  input?: { title: string; required: boolean };
}
