/**
 * is74's contract views: each contract rendered as `GET /api/contracts` answers it (seed 003 §"3."),
 * kept as a derived record of this kind in the records table, current with every record it is made
 * of (see refresh-contract-views). A served read is then one lookup of finished JSON per contract,
 * and the callback stream reads these records: a contract is called back exactly when what the core
 * would read of it changed — its state, options, tariffs, balance or address, however many source
 * records moved.
 */
export const IS74_VIEW_KIND = 'is74_contract_view';

/**
 * One view per contract on its лицевой счёт: a contract moved to another account is a view gone
 * from the old account (whose users must hear of it) and a new one on the new.
 */
export const viewKey = (accountNumber: string, contractId: string) =>
  JSON.stringify([accountNumber, contractId]);

/**
 * What a contract's view could not show as the seed does (an address part its house lacks), kept
 * as a record of its own per view (`key` as the view's): the issue stream reports it as a record
 * error on every connection, and its `issues` empty again resolves the error.
 */
export const IS74_ISSUE_KIND = 'is74_contract_issue';

export interface ContractIssueRecord {
  accountNumber: string;
  contractId: string;
  issues: ViewIssue[];
}

/** Something the view could not show as the seed does. */
export interface ViewIssue {
  code: string;
  message: string;
}

export interface ContractViewRecord {
  accountNumber: string;
  contractId: string;
  /** What the view was rendered from, so a change of the premise or house finds it. */
  premiseId?: string;
  houseId?: string;
  tariffIds: string[];
  /** The rendered view, exactly as served. */
  body: string;
}
