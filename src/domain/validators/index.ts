export {
  explainCorrespondentAccount,
  explainSettlementAccount,
  isValidCorrespondentAccount,
  isValidSettlementAccount,
} from './bank-account.js';
export { explainBik, isValidBik } from './bik.js';
export { explainEls, explainIzhku, isValidEls, isValidIzhku } from './els.js';
export { explainInn, isValidInn } from './inn.js';
export { explainKpp, isValidKpp } from './kpp.js';
export { explainOgrn, isValidOgrn } from './ogrn.js';
export { explainPaymentDocumentId, isValidPaymentDocumentId } from './payment-document-id.js';
